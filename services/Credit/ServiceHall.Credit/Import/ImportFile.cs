using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;

namespace ServiceHall.Credit.Import;

/// <summary>One record row of an uploaded file: its number as a spreadsheet shows it (header = 1) and its cells.</summary>
public sealed record ImportRow(int Number, string[] Cells)
{
    public string Cell(int index) => index < Cells.Length ? Cells[index].Trim() : "";
}

/// <summary>
/// An uploaded CSV or XLSX file as a header and rows of text. The format is read from the content (an XLSX file is a
/// zip archive), not trusted from the name. CSV is UTF-8 (with or without a byte order mark) or, when it is not valid
/// UTF-8, GB18030, which is what Excel in China saves as "CSV". XLSX: the first worksheet, dates written yyyy-MM-dd.
/// Rows with no text at all are skipped (spreadsheets keep formatted empty rows).
/// </summary>
public sealed record ImportFile(IReadOnlyList<string> Header, IReadOnlyList<ImportRow> Rows)
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file, or the reason it cannot be read at all (said to the editor as the file's problem).</summary>
    public static ImportFile Read(byte[] content, out string? problem)
    {
        problem = null;
        try
        {
            var file = IsZip(content) ? ReadXlsx(content) : ReadCsv(content);
            if (file.Header.All(string.IsNullOrWhiteSpace))
            {
                problem = "文件第1行应是表头（列名），现在是空的";
            }
            return file;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            problem = IsZip(content)
                ? "不是可读的XLSX文件（请用Excel另存为.xlsx或CSV后再导入）"
                : $"不是可读的CSV文件：{ex.Message}";
            return new ImportFile([], []);
        }
    }

    static bool IsZip(byte[] content) => content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;

    static ImportFile ReadCsv(byte[] content)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            text = Encoding.GetEncoding("GB18030").GetString(content);
        }
        text = text.TrimStart('\uFEFF');
        using var reader = CsvReader.FromText(text, new CsvHelper.CsvReaderOptions { TrackLineNumbers = true, HasHeader = true });
        reader.ReadHeader();
        var header = reader.Headers.ToArray();
        var rows = new List<ImportRow>();
        while (reader.Read())
        {
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i) ?? "";
            }
            if (cells.Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                rows.Add(new ImportRow((int)reader.LineNumber, cells));
            }
        }
        return new ImportFile(header, rows);
    }

    static ImportFile ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var workbook = new XLWorkbook(stream);
        var sheet = workbook.Worksheet(1);
        var lastColumn = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
        var lastRow = sheet.LastRowUsed()?.RowNumber() ?? 0;
        if (lastColumn == 0 || lastRow == 0)
        {
            return new ImportFile([], []);
        }
        string[] Cells(int row) => [.. Enumerable.Range(1, lastColumn).Select(c => Text(sheet.Cell(row, c)))];
        var header = Cells(1);
        var rows = new List<ImportRow>();
        for (var r = 2; r <= lastRow; r++)
        {
            var cells = Cells(r);
            if (cells.Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                rows.Add(new ImportRow(r, cells));
            }
        }
        return new ImportFile(header, rows);
    }

    /// <summary>A cell as the editor sees it: a date as yyyy-MM-dd, a number without Excel's formatting (2.5, not 2.50).</summary>
    static string Text(IXLCell cell) => cell.DataType switch
    {
        XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        XLDataType.Number => cell.GetDouble().ToString(CultureInfo.InvariantCulture),
        _ => cell.GetString(),
    };
}
