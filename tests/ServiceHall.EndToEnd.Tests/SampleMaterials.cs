using Google.Protobuf;
using ServiceHall.Applications.V1;
using ServiceHall.Testing;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>The files an applicant attaches to an application for a <see cref="SampleGuide"/> item (its one required material).</summary>
static class SampleMaterials
{
    /// <summary>The material SampleGuide lists as 必要 and electronic: every submission for its items must carry a file for it.</summary>
    public const string Form = "建设用地规划许可申请表";

    /// <summary>A second required electronic material, for the portal journey's item (two files to upload).</summary>
    public const string Proof = "申请人身份证明";

    /// <summary>Uploads a small PDF as the caller and answers it attached under the guide's required material.</summary>
    public static async Task<AttachedMaterial> UploadFormAsync(this ApplicationsService.ApplicationsServiceClient applicant, string fileName = "申请表.pdf")
    {
        var uploaded = await applicant.UploadMaterialAsync(new UploadMaterialRequest { FileName = fileName, Content = ByteString.CopyFrom(SampleFiles.Pdf("application form")) });
        return new AttachedMaterial { Slot = Form, MaterialId = uploaded.Id };
    }
}
