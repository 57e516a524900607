using Grpc.Core;
using ServiceHall.Applications.Case;
using ServiceHall.Applications.V1;

namespace ServiceHall.Applications.Tests;

/// <summary>Every step from every state: allowed where docs/domain.md §5 allows it, refused with the state named everywhere else.</summary>
public sealed class CaseRulesTests
{
    const ApplicationStatus Submitted = ApplicationStatus.Submitted, Accepted = ApplicationStatus.Accepted, Refused = ApplicationStatus.Refused,
        Correction = ApplicationStatus.MaterialsRequested, Special = ApplicationStatus.SpecialProcedure, Review = ApplicationStatus.UnderReview,
        Approved = ApplicationStatus.Approved, Denied = ApplicationStatus.Denied, Completed = ApplicationStatus.Completed, Withdrawn = ApplicationStatus.Withdrawn;

    /// <summary>The allowed steps, written out from the domain rather than from the code: (from, step) → to.</summary>
    static readonly Dictionary<(ApplicationStatus, CaseAction), ApplicationStatus> Allowed = new()
    {
        [(Submitted, CaseAction.Accepted)] = Accepted,
        [(Submitted, CaseAction.Refused)] = Refused,
        [(Submitted, CaseAction.CorrectionRequested)] = Correction,
        [(Submitted, CaseAction.Withdrawn)] = Withdrawn,
        [(Accepted, CaseAction.Reviewed)] = Review,
        [(Accepted, CaseAction.CorrectionRequested)] = Correction,
        [(Accepted, CaseAction.SpecialProcedureStarted)] = Special,
        [(Accepted, CaseAction.Extended)] = Accepted,
        [(Accepted, CaseAction.Decided)] = Approved,
        [(Accepted, CaseAction.Withdrawn)] = Withdrawn,
        [(Review, CaseAction.Reviewed)] = Review,
        [(Review, CaseAction.CorrectionRequested)] = Correction,
        [(Review, CaseAction.SpecialProcedureStarted)] = Special,
        [(Review, CaseAction.Extended)] = Review,
        [(Review, CaseAction.Decided)] = Approved,
        [(Review, CaseAction.Withdrawn)] = Withdrawn,
        [(Correction, CaseAction.CorrectionSubmitted)] = Review, // back where it was: review in this table
        [(Correction, CaseAction.Extended)] = Correction,
        [(Correction, CaseAction.Withdrawn)] = Withdrawn,
        [(Special, CaseAction.SpecialProcedureEnded)] = Review,
        [(Special, CaseAction.Extended)] = Special,
        [(Special, CaseAction.Withdrawn)] = Withdrawn,
        [(Approved, CaseAction.Completed)] = Completed,
        [(Denied, CaseAction.Completed)] = Completed,
    };

    public static TheoryData<ApplicationStatus, CaseAction> Every()
    {
        var data = new TheoryData<ApplicationStatus, CaseAction>();
        foreach (var status in Enum.GetValues<ApplicationStatus>().Where(s => s != ApplicationStatus.Unspecified))
        {
            foreach (var action in Enum.GetValues<CaseAction>().Where(a => a is not (CaseAction.Unspecified or CaseAction.Submitted)))
            {
                data.Add(status, action);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void A_step_is_allowed_exactly_where_the_domain_allows_it(ApplicationStatus from, CaseAction action)
    {
        if (Allowed.TryGetValue((from, action), out var to))
        {
            Assert.Equal(to, CaseRules.Next("SH20260302AAAAAAAA", from, action, resume: Review, approved: true));
            return;
        }
        var refused = Assert.Throws<RpcException>(() => CaseRules.Next("SH20260302AAAAAAAA", from, action, resume: Review, approved: true));
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains($"当前状态为“{CaseWords.Of(from)}”", refused.Status.Detail);
        Assert.Contains(CaseWords.Of(action), refused.Status.Detail);
    }

    [Fact]
    public void A_correction_returns_the_case_where_it_was_and_a_denial_is_a_decision_too()
    {
        Assert.Equal(Submitted, CaseRules.Next("SH20260302AAAAAAAA", Correction, CaseAction.CorrectionSubmitted, resume: Submitted));
        Assert.Equal(Accepted, CaseRules.Next("SH20260302AAAAAAAA", Correction, CaseAction.CorrectionSubmitted, resume: Accepted));
        Assert.Equal(Denied, CaseRules.Next("SH20260302AAAAAAAA", Review, CaseAction.Decided, approved: false));
    }

    [Fact]
    public void A_closed_case_says_it_is_closed_and_an_open_one_what_can_be_done()
    {
        var closed = Assert.Throws<RpcException>(() => CaseRules.Next("SH20260302AAAAAAAA", Completed, CaseAction.Withdrawn));
        Assert.Contains("已终结", closed.Status.Detail);
        var open = Assert.Throws<RpcException>(() => CaseRules.Next("SH20260302AAAAAAAA", Submitted, CaseAction.Decided));
        Assert.Contains("当前可以：受理、不予受理、补正告知、撤回", open.Status.Detail);
    }
}
