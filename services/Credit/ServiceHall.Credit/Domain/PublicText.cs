using ServiceHall.ServiceDefaults;

namespace ServiceHall.Credit;

/// <summary>
/// Text of a credit record as it leaves the service (answers and events, and so the search index). Records of
/// natural persons and 个体工商户 quote decisions that name people, sometimes with their resident ID or mobile
/// number. We mask those numbers on the way out rather than refuse them on the way in, because:
/// the record is the deciding body's text and is kept as decided (refusing would make editors retype official
/// decisions); masking on output also covers records stored before this rule and any import; and every way out
/// (GetEntity, the write answers, the EntityChanged event) goes through here, so nothing public is ever whole.
/// Codes (credit codes, decision numbers' digits) are not masked: only valid resident IDs and mobile numbers are.
/// </summary>
public static class PublicText
{
    public static string Masked(string stored) => PersonalNumbers.MaskAll(stored);
}
