using Google.Protobuf.Reflection;
using ServiceHall.Applications.V1;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>
/// Every field a caller can send carries its label in the proto, so every refusal names it as a person would
/// ("申请人姓名：必填") and never falls back to the field's path.
/// </summary>
public sealed class FieldLabelTests
{
    [Fact]
    public void Every_field_of_every_request_has_a_label()
    {
        var unlabelled = new List<string>();
        var seen = new HashSet<string>();
        void Walk(MessageDescriptor message)
        {
            if (!message.FullName.StartsWith("servicehall.", StringComparison.Ordinal) || !seen.Add(message.FullName))
            {
                return;
            }
            foreach (var field in message.Fields.InDeclarationOrder())
            {
                if (FieldLabels.Of(field) is null)
                {
                    unlabelled.Add(field.FullName);
                }
                if (field.FieldType == FieldType.Message)
                {
                    Walk(field.MessageType);
                }
            }
        }
        foreach (var method in AccessMatrixTests.Contracts.SelectMany(c => c.Methods))
        {
            Walk(method.InputType);
        }

        Assert.True(seen.Count > 30, $"only {seen.Count} request messages were walked");
        Assert.Empty(unlabelled);
    }

    [Theory]
    [InlineData("applicant_name", "申请人姓名")]
    [InlineData("guide.name", "事项名称")]
    [InlineData("guide.promised_limit.value", "时限")]
    [InlineData("guide.materials[2].name", "申报材料第3项的材料名称")]
    [InlineData("guide.fees[0]", "收费标准第1项")]
    [InlineData("guide.no_such_field", "guide.no_such_field")]
    public void A_path_reads_as_its_labels(string path, string words)
    {
        var request = path.StartsWith("guide", StringComparison.Ordinal) ? CreateItemRequest.Descriptor : SubmitApplicationRequest.Descriptor;

        Assert.Equal(words, FieldLabels.Describe(request, path));
    }
}
