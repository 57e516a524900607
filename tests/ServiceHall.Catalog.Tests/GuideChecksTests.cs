using ServiceHall.Catalog.V1;
using ServiceHall.Testing;

namespace ServiceHall.Catalog.Tests;

/// <summary>Each guide rule, broken alone on an otherwise complete guide, is reported under its rule and field.</summary>
public sealed class GuideChecksTests
{
    static readonly Department Police = Sample.Police;

    /// <summary>Rules every save enforces.</summary>
    static readonly Dictionary<string, (Action<ItemGuide> Break, string Rule, string Field)> SaveRules = new()
    {
        ["name missing"] = (g => g.Name = " ", "required", "guide.name"),
        ["name oversized"] = (g => g.Name = new string('证', 101), "length", "guide.name"),
        ["conditions oversized"] = (g => g.Conditions = new string('条', 2001), "length", "guide.conditions"),
        ["basic code not 12 digits"] = (g => g.BasicCode = "00010000001A", "basic-code-format", "guide.basic_code"),
        ["code of another department"] = (g => g.Code = $"{g.BasicCode}-{Sample.AreaCode}-000-{Sample.TownCode}-1-00", "code-format", "guide.code"),
        ["malformed code"] = (g => g.Code = "GA-001", "code-format", "guide.code"),
        ["unknown item type"] = (g => g.ItemType = "审批", "vocabulary", "guide.item_type"),
        ["no audience"] = (g => { g.Audiences.Clear(); g.PersonThemes.Clear(); }, "required", "guide.audiences"),
        ["unknown theme"] = (g => g.PersonThemes.Add("办证"), "vocabulary", "guide.person_themes[2]"),
        ["legal-person theme without 法人"] = (g => g.LegalPersonThemes.Add("准营准办"), "themes-match-audience", "guide.legal_person_themes"),
        ["entrusted without entrusting department"] = (g => g.DepartmentNature = "受委托组织", "entrusting-department", "guide.entrusting_department"),
        ["cancellation before effect"] = (g => { g.EffectiveDate = "2026-12-01"; g.CancellationDate = "2026-11-01"; }, "dates-order", "guide.cancellation_date"),
        ["malformed date"] = (g => g.EffectiveDate = "2026/12/01", "date-format", "guide.effective_date"),
        ["law without 《》"] = (g => g.LegalBasis[0].Law = "居民身份证法", "legal-basis-format", "guide.legal_basis[0].law"),
        ["law without article"] = (g => g.LegalBasis[0].Article = "", "legal-basis-format", "guide.legal_basis[0].article"),
        ["promised above statutory"] = (g => g.PromisedLimit.Value = 61, "promised-within-statutory", "guide.promised_limit.value"),
        ["limits in different units"] = (g => g.PromisedLimit.Unit = "工作日", "limit-units-match", "guide.promised_limit.unit"),
        ["unknown limit unit"] = (g => g.StatutoryLimit.Unit = "月", "vocabulary", "guide.statutory_limit.unit"),
        ["zero limit unexplained"] = (g => { g.StatutoryLimit = new TimeLimit { Value = 0, Unit = "自然日" }; }, "limit-explained", "guide.statutory_limit.explanation"),
        ["即办件 with a promised limit"] = (g => g.HandlingKind = "即办件", "handling-kind-limit", "guide.promised_limit.value"),
        ["承诺件 without a promised limit"] = (g => g.PromisedLimit = new TimeLimit { Value = 0, Unit = "自然日", Explanation = "当场" }, "handling-kind-limit", "guide.promised_limit.value"),
        ["level IV with a visit"] = (g => g.OnlineDepth = OnlineDepth.FullyOnline, "depth-iv-zero-visits", "guide.site_visits"),
        ["no visit below level IV"] = (g => { g.SiteVisits = 0; g.OnsiteReason = ""; }, "depth-iv-zero-visits", "guide.online_depth"),
        ["depth out of range"] = (g => g.OnlineDepth = (OnlineDepth)5, "depth-range", "guide.online_depth"),
        ["visit without reason"] = (g => g.OnsiteReason = "", "onsite-reason", "guide.onsite_reason"),
        ["fee without basis"] = (g => g.Fees[0].Basis = "", "fee-basis", "guide.fees[0].basis"),
        ["charged without fees"] = (g => g.Fees.Clear(), "charged-has-fees", "guide.fees"),
        ["fees on a free item"] = (g => g.Charged = false, "charged-has-fees", "guide.charged"),
        ["appointment without quota"] = (g => g.Appointment = new Appointment { Supported = true }, "appointment-quota", "guide.appointment.daily_quota"),
        ["malformed consult phone"] = (g => g.Contacts.ConsultPhone = "3101110", "phone-format", "guide.contacts.consult_phone"),
        ["malformed review phone"] = (g => g.Review.Phone = "0883 6990000", "phone-format", "guide.review.phone"),
        ["link that is no link"] = (g => g.Contacts.ConsultOnline = "javascript:alert(1)", "link-format", "guide.contacts.consult_online"),
        ["vague material"] = (g => g.Materials[0].Name = "其他相关材料", "material-specific", "guide.materials[0].name"),
        ["material list ending in 等"] = (g => g.Materials[0].Name = "身份证明等", "material-specific", "guide.materials[0].name"),
        ["form without blank form"] = (g => g.Materials[1].BlankForm = "", "form-has-blank", "guide.materials[1].blank_form"),
        ["electronic material on paper"] = (g => g.Materials[0].Type = "电子件", "material-form", "guide.materials[0].form"),
        ["paper material without copies"] = (g => g.Materials[0].Copies = 0, "material-copies", "guide.materials[0].copies"),
        ["unknown necessity"] = (g => g.Materials[0].Necessity = "可选", "vocabulary", "guide.materials[0].necessity"),
        ["faq without answer"] = (g => g.Faqs[0].Answer = "", "faq-complete", "guide.faqs[0].answer"),
        ["unnamed step"] = (g => g.Steps[0].Name = "", "step-named", "guide.steps[0].name"),
    };

    /// <summary>Rules a draft may break but a published guide may not.</summary>
    static readonly Dictionary<string, (Action<ItemGuide> Break, string Rule, string Field)> PublishRules = new()
    {
        ["no conditions"] = (g => g.Conditions = "", "conditions-stated", "guide.conditions"),
        ["no legal basis"] = (g => g.LegalBasis.Clear(), "legal-basis-stated", "guide.legal_basis"),
        ["no place"] = (g => g.Place.Address = "", "place-stated", "guide.place.address"),
        ["no hours"] = (g => g.Place.Hours = "", "place-stated", "guide.place.hours"),
        ["no consult phone"] = (g => g.Contacts.ConsultPhone = "", "contacts-stated", "guide.contacts.consult_phone"),
        ["no complaint phone"] = (g => g.Contacts.ComplaintPhone = "", "contacts-stated", "guide.contacts.complaint_phone"),
        ["no materials and no reason"] = (g => g.Materials.Clear(), "materials-stated", "guide.materials"),
        ["no result"] = (g => g.ResultName = "", "result-stated", "guide.result_name"),
        ["no steps"] = (g => g.Steps.Clear(), "steps-stated", "guide.steps"),
        ["no person theme"] = (g => g.PersonThemes.Clear(), "themes-stated", "guide.person_themes"),
        ["no review body for an administrative item"] = (g => g.Review.Name = "", "remedies-stated", "guide.review.name"),
        ["no limit unit"] = (g => g.StatutoryLimit = new TimeLimit { Value = 60 }, "limits-stated", "guide.statutory_limit.unit"),
    };

    public static TheoryData<string> SaveRuleNames => [.. SaveRules.Keys];
    public static TheoryData<string> PublishRuleNames => [.. PublishRules.Keys];

    [Fact]
    public void The_complete_sample_passes_every_check()
    {
        Assert.Empty(GuideChecks.Publish(Sample.Guide(), Police));
    }

    [Theory]
    [MemberData(nameof(SaveRuleNames))]
    public void A_save_rule_broken_alone_is_reported_under_its_field(string name)
    {
        var (breakIt, rule, field) = SaveRules[name];
        var guide = Sample.Guide();
        breakIt(guide);

        var problems = GuideChecks.Save(guide, Police);

        Assert.Contains(problems, p => p.Rule == rule && p.Field == field);
    }

    [Theory]
    [MemberData(nameof(PublishRuleNames))]
    public void A_completeness_rule_lets_the_draft_be_saved_but_blocks_publication(string name)
    {
        var (breakIt, rule, field) = PublishRules[name];
        var guide = Sample.Guide();
        breakIt(guide);

        Assert.Empty(GuideChecks.Save(guide, Police));
        var problem = Assert.Single(GuideChecks.Publish(guide, Police));
        Assert.Equal((rule, field), (problem.Rule, problem.Field));
    }

    [Fact]
    public void An_unknown_department_is_named()
    {
        var problems = GuideChecks.Save(Sample.Guide(department: "91350100M000100Y43"), department: null);
        Assert.Contains(problems, p => p.Rule == "known-department" && p.Field == "guide.department_code");
    }

    [Fact]
    public void An_item_without_materials_may_say_why_instead()
    {
        var guide = Sample.Guide();
        guide.Materials.Clear();
        guide.NoMaterialsReason = "信息通过部门间数据共享获取，无需申请人提交材料";
        Assert.Empty(GuideChecks.Publish(guide, Police));
    }

    [Fact]
    public void A_public_service_needs_no_review_body_and_a_composed_code_matches_its_parts()
    {
        var guide = Sample.Guide();
        guide.ItemType = "公共服务";
        guide.Review = null;
        guide.Litigation = null;
        guide.Code = ImplementationCode.Compose(guide.BasicCode, Sample.AreaCode, Sample.PoliceCode);
        Assert.Equal($"000100000001-{DemoCounty.AreaCode}-000-{DemoCounty.PublicSecurity}-1-00", guide.Code);
        Assert.Empty(GuideChecks.Publish(guide, Police));
    }

    [Theory]
    [InlineData("0883-6010000")]
    [InlineData("0571-87654321-8001")]
    [InlineData("13800138000")]
    [InlineData("12345")]
    [InlineData("400-800-1234")]
    public void Phone_numbers_people_call_are_accepted(string phone) => Assert.True(GuideChecks.IsPhone(phone));

    [Theory]
    [InlineData("3101110")]
    [InlineData("12800138000")]
    [InlineData("0883-310")]
    [InlineData("电话0883-6010000")]
    public void Phone_numbers_nobody_can_call_are_refused(string phone) => Assert.False(GuideChecks.IsPhone(phone));
}
