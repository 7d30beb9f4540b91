package org.codecred.domain;

/** Member identifiers are protected health information: outputs show them only masked. */
public final class MemberIds {

    private MemberIds() {
    }

    /** Keeps the last 4 characters of ids longer than 4 ({@code ****6789}); shorter ids are fully masked. */
    public static String mask(String memberId) {
        if (memberId == null || memberId.isEmpty()) {
            return "";
        }
        return memberId.length() <= 4 ? "****" : "****" + memberId.substring(memberId.length() - 4);
    }
}
