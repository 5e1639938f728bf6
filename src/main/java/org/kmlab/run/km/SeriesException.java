package org.kmlab.run.km;

/** A time series that cannot be read or used; the message, one line, names the place (e.g. "series.csv line 12: ..."). */
public final class SeriesException extends RuntimeException {
    public SeriesException(String message) { super(message); }

    public SeriesException(String message, Throwable cause) { super(message, cause); }
}
