using ServiceHall.Applications.V1;

namespace ServiceHall.Applications.Case;

/// <summary>What officers and applicants write on a case leaves the service with personal numbers masked (docs/domain.md §6).</summary>
public static class CaseText
{
    public static CorrectionItem Masked(CorrectionItem item) =>
        new() { Material = PersonalNumbers.MaskAll(item.Material), Problem = PersonalNumbers.MaskAll(item.Problem) };
}
