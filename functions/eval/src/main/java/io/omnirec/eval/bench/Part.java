package io.omnirec.eval.bench;

import java.nio.file.Path;

/**
 * One part of a benchmark run and how it went.
 *
 * @param status {@code ok}, {@code failed} or {@code skipped}
 * @param detail why it failed or was skipped; empty when ok
 * @param log    the part's output, or {@code null}
 */
public record Part(String name, String title, String status, String detail, double seconds, Path log) {

    public static Part ok(String name, String title, double seconds, Path log) {
        return new Part(name, title, "ok", "", seconds, log);
    }

    public static Part failed(String name, String title, String detail, double seconds) {
        return new Part(name, title, "failed", detail, seconds, null);
    }

    public static Part skipped(String name, String title, String detail) {
        return new Part(name, title, "skipped", detail, 0, null);
    }
}
