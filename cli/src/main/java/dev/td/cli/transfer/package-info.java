/**
 * Files in and out of td from the command line: {@code td import FILE…} (each file uploaded with {@code PUT
 * /v1/uploads}, then import_file by its upload_id, a progress bar on a terminal) and {@code td export FILE}
 * (export_data, then its zip downloaded and checked against its sha256). Built on the CLI's invocation, HTTP client and
 * error reports.
 */
package dev.td.cli.transfer;
