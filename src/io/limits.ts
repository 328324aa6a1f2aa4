/** Bounds on what is read, shared by the command line and the web page. Browser-safe. */

/**
 * The largest file read. A report is tens of kilobytes; checking is linear but takes about two
 * seconds and 150 MB per megabyte, so anything far larger is not a report.
 */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;
