using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ServiceHall.Data;

/// <summary>
/// Stores a contract enum as its word (<see cref="EnumWords"/>): the columns keep the values they held before the
/// enums, so no data migration, and a row stays readable in the database itself.
/// </summary>
public sealed class EnumWordConverter<TEnum>(char separator = '_') : ValueConverter<TEnum, string>(
    value => EnumWords.Of(value, separator),
    word => EnumWords.Parse<TEnum>(word, separator))
    where TEnum : struct, Enum;
