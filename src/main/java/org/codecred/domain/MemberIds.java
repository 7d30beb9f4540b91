package org.codecred.domain;

/** Member identifiers are protected health information: outputs show them only masked. */
public final class MemberIds {

    private MemberIds() {
    }

    /**
     * Keeps the last 4 characters of ids longer than 4 ({@code ****6789}); shorter ids are fully
     * masked. An 837 dependent's key ({@code <subscriber id>/<birth date>}) is masked whole: the
     * subscriber id as any id, the birth date entirely ({@code ****6789/********}), so the last
     * characters never show a birth month and day.
     */
    public static String mask(String memberId) {
        if (memberId == null || memberId.isEmpty()) {
            return "";
        }
        int slash = memberId.indexOf('/');
        if (slash >= 0) {
            return mask(memberId.substring(0, slash)) + "/********";
        }
        return memberId.length() <= 4 ? "****" : "****" + memberId.substring(memberId.length() - 4);
    }
}
