package org.despin.cli.scan;

/** One document of a scan cannot be checked; becomes that document's status and error, the run goes on. */
public final class DocumentFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final ScanStatus status;

    public DocumentFailure(ScanStatus status, String problem) {
        super(problem);
        this.status = status;
    }

    public ScanStatus status() {
        return status;
    }
}
