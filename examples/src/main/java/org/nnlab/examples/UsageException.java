package org.nnlab.examples;

/** A bad command line found after parsing (a bad value, a clash): one line on standard error, exit status 2. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
