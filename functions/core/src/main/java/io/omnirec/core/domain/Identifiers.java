package io.omnirec.core.domain;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The shapes ids must have. A retailer's id (shopper, item, store, session, event) is any printable Unicode text of 1
 * to {@value #MAX_BYTES} UTF-8 bytes: e-mail-like loyalty ids ({@code jürgen.müller+vip@example.com}) and POS ids with
 * {@code /} or {@code #} included. It is stored byte-exact; refused are control and format characters (including
 * invisible bidi overrides), unpaired surrogates (which would not survive UTF-8) and a leading {@code ~}, reserved for
 * keys Omnirec makes ({@link ShopperKeys}). Ids Omnirec itself makes and puts into S3 keys (model and aggregates
 * versions, experiment ids) are tokens: 1 to 128 of {@code A-Z a-z 0-9 . _ : -}.
 */
public final class Identifiers {
    public static final int MAX_BYTES = 256;
    public static final int MAX_TOKEN_LENGTH = 128;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private Identifiers() {
    }

    /** Whether {@code value} is a valid retailer id. */
    public static boolean isValid(String value) {
        return value != null && !value.isEmpty() && value.charAt(0) != '~' && isPrintable(value)
                && value.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /** Whether the text holds no control, format, unassigned or private-use character and no unpaired surrogate. */
    public static boolean isPrintable(String value) {
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    /** Throws {@link InvalidInputException} with code {@code invalid_<field>} unless the retailer id is valid. */
    public static String requireValid(String field, String value) {
        if (!isValid(value)) {
            throw new InvalidInputException("invalid_" + field, field + " must be 1-" + MAX_BYTES
                    + " UTF-8 bytes of printable text, not starting with ~");
        }
        return value;
    }

    /** Whether {@code value} is a token (an id Omnirec makes, safe in an S3 key). */
    public static boolean isToken(String value) {
        return value != null && TOKEN.matcher(value).matches();
    }

    /** Throws {@link InvalidInputException} with code {@code invalid_<field>} unless the value is a token. */
    public static String requireToken(String field, String value) {
        if (!isToken(value)) {
            throw new InvalidInputException("invalid_" + field,
                    field + " must be 1-" + MAX_TOKEN_LENGTH + " characters of A-Z a-z 0-9 . _ : -");
        }
        return value;
    }

    /**
     * A stable pseudonym of a shopper or session id for logs and metrics: the first 16 hex digits of its SHA-256, so
     * that lines about one shopper can be found together without the id itself appearing; {@code none} for null.
     */
    public static String pseudonym(String id) {
        if (id == null) {
            return "none";
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
