package org.nnlab.examples;

/** A bad command line: the message is printed as one line, and the exit code is 2. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
