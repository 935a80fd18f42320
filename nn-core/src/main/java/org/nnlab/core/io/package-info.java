/**
 * Text in and out: a strict JSON reader ({@link org.nnlab.core.io.Json}), one streaming JSON writer with
 * correct escaping for every output nnlab writes ({@link org.nnlab.core.io.JsonWriter}), a CSV writer for
 * histories ({@link org.nnlab.core.io.CsvWriter}), and reading of
 * UTF-8 files with messages that name the file and the reason ({@link org.nnlab.core.io.TextFiles}).
 */
package org.nnlab.core.io;
