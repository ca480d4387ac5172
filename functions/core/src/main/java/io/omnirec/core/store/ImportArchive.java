package io.omnirec.core.store;

/** The files retailers uploaded for import, kept where they were uploaded, with the rejections written beside them. */
@FunctionalInterface
public interface ImportArchive {

    /**
     * Rewrites every customers and interactions upload (and the rejections beside it) that names the shopper, without
     * those lines; returns how many files changed.
     */
    int eraseShopper(String userId);
}
