using System.Globalization;

namespace ServiceHall.Domain;

/// <summary>
/// A natural person's name as the national credit sites publish it (docs/domain.md §8): the surname's first
/// character kept, every other character a star (张三 → 张*, 欧阳娜娜 → 欧***). Counted in text elements, so a
/// character outside the basic plane is one star, not two. Masking a masked name changes nothing.
/// </summary>
public static class PersonNames
{
    public static string Masked(string name)
    {
        var trimmed = name.Trim();
        var characters = new StringInfo(trimmed);
        return characters.LengthInTextElements switch
        {
            0 => "",
            1 => "*",
            var length => characters.SubstringByTextElements(0, 1) + new string('*', length - 1),
        };
    }
}
