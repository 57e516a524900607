using System.Globalization;
using System.Text.RegularExpressions;
using Grpc.Core;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;
using static ServiceHall.Catalog.GuideVocabulary;

namespace ServiceHall.Catalog;

/// <summary>
/// The guide checks (docs/domain.md §2). <see cref="Save"/> holds on every save: shape, closed vocabularies and
/// consistency (the promised limit within the statutory one, level IV with zero visits, a basis for every fee).
/// <see cref="Publish"/> adds completeness: what a reader cannot do without. A national inspection in 2017 found a
/// third of sampled guides missing limits, fees or contacts; these checks are the hall's answer to that.
/// </summary>
public static partial class GuideChecks
{
    public const int MaxName = 100;
    public const int MaxConditions = 2000;
    public const int MaxText = 1000;
    public const int MaxCode = 64;
    public const int MaxEntries = 50;

    /// <param name="department">The department the guide names, or null when no such department exists.</param>
    public static List<GuideProblem> Save(ItemGuide guide, Department? department)
    {
        var c = new Collector();
        CheckIdentity(c, guide, department);
        CheckClassification(c, guide);
        CheckLaw(c, guide);
        CheckLimits(c, guide);
        CheckVisits(c, guide);
        CheckFees(c, guide);
        CheckChannels(c, guide);
        CheckMaterials(c, guide);
        CheckStepsAndFaqs(c, guide);
        CheckPersonalNumbers(c, "guide", guide);
        return c.Problems;
    }

    public static List<GuideProblem> Publish(ItemGuide guide, Department? department)
    {
        var problems = Save(guide, department);
        var c = new Collector(problems);
        c.Required("conditions-stated", "guide.conditions", guide.Conditions);
        if (guide.LegalBasis.Count == 0)
        {
            c.Add("legal-basis-stated", "guide.legal_basis", "发布的事项须写明设定依据（法律法规名称和条款）");
        }
        c.Required("place-stated", "guide.place.address", guide.Place?.Address);
        c.Required("place-stated", "guide.place.hours", guide.Place?.Hours);
        c.Required("contacts-stated", "guide.contacts.consult_phone", guide.Contacts?.ConsultPhone);
        c.Required("contacts-stated", "guide.contacts.complaint_phone", guide.Contacts?.ComplaintPhone);
        if (guide.Materials.Count == 0 && string.IsNullOrWhiteSpace(guide.NoMaterialsReason))
        {
            c.Add("materials-stated", "guide.materials", "发布的事项至少列出一项申报材料，或在“无需材料的原因”中说明为何无需材料");
        }
        c.Required("result-stated", "guide.result_type", guide.ResultType);
        c.Required("result-stated", "guide.result_name", guide.ResultName);
        if (guide.Steps.Count == 0)
        {
            c.Add("steps-stated", "guide.steps", "发布的事项须写明办理流程");
        }
        c.Required("limits-stated", "guide.statutory_limit.unit", guide.StatutoryLimit?.Unit);
        c.Required("limits-stated", "guide.promised_limit.unit", guide.PromisedLimit?.Unit);
        if (guide.Audiences.Contains(Person) && guide.PersonThemes.Count == 0)
        {
            c.Add("themes-stated", "guide.person_themes", "面向自然人的事项至少归入一个自然人主题，方便群众按主题查找");
        }
        if (guide.Audiences.Contains(LegalPerson) && guide.LegalPersonThemes.Count == 0)
        {
            c.Add("themes-stated", "guide.legal_person_themes", "面向法人的事项至少归入一个法人主题");
        }
        if (guide.ItemType != PublicService)
        {
            // An administrative decision can be challenged; the guide must say where (行政复议, 行政诉讼).
            c.Required("remedies-stated", "guide.review.name", guide.Review?.Name);
            c.Required("remedies-stated", "guide.review.phone", guide.Review?.Phone);
            c.Required("remedies-stated", "guide.litigation.name", guide.Litigation?.Name);
        }
        return problems;
    }

    /// <summary>Refuses a save: InvalidArgument (400) naming every field.</summary>
    public static void ThrowIfAny(List<GuideProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw Refusal(problems);
        }
    }

    /// <summary>The problems as a refusal: each message for people, each field's path for programs.</summary>
    public static RpcException Refusal(IEnumerable<GuideProblem> problems, StatusCode code = StatusCode.InvalidArgument, string lead = "")
    {
        var errors = new FieldErrors(CreateItemRequest.Descriptor);
        foreach (var p in problems)
        {
            errors.AddDescribed(p.Field, p.Message);
        }
        return errors.Refusal(code, lead);
    }

    static void CheckIdentity(Collector c, ItemGuide g, Department? department)
    {
        c.Required("required", "guide.basic_code", g.BasicCode);
        if (!string.IsNullOrEmpty(g.BasicCode) && !BasicCodeShape().IsMatch(g.BasicCode))
        {
            c.Add("basic-code-format", "guide.basic_code", $"“{Clip(g.BasicCode)}”不是12位数字的基本编码");
        }
        c.Length("guide.code", g.Code, MaxCode);
        if (!string.IsNullOrEmpty(g.Code) && g.Code.Length <= MaxCode && !ImplementationCode.Matches(g.Code, g.BasicCode, g.DepartmentCode))
        {
            c.Add("code-format", "guide.code",
                $"“{g.Code}”不符合“基本编码-12位区划代码-000-实施主体代码-序号-两位序号”的格式（基本编码 {Clip(g.BasicCode)}，实施主体 {Clip(g.DepartmentCode)}）；留空则自动生成");
        }
        c.Required("required", "guide.name", g.Name).Length("guide.name", g.Name, MaxName);
        c.Length("guide.business_item", g.BusinessItem, MaxName);
        c.Required("required", "guide.department_code", g.DepartmentCode);
        if (!string.IsNullOrWhiteSpace(g.DepartmentCode) && department is null)
        {
            c.Add("known-department", "guide.department_code", $"没有代码为 {Clip(g.DepartmentCode)} 的部门");
        }
        c.OneOf("guide.department_nature", g.DepartmentNature, DepartmentNatures, required: true);
        if (g.DepartmentNature == Entrusted)
        {
            c.Required("entrusting-department", "guide.entrusting_department", g.EntrustingDepartment);
        }
        c.Length("guide.entrusting_department", g.EntrustingDepartment, MaxName);
        c.List("guide.joint_bodies", g.JointBodies, 10, MaxName);
        c.Length("guide.intermediary_services", g.IntermediaryServices, MaxText);
        var effective = c.Date("guide.effective_date", g.EffectiveDate);
        var cancellation = c.Date("guide.cancellation_date", g.CancellationDate);
        if (effective is { } from && cancellation is { } to && to <= from)
        {
            c.Add("dates-order", "guide.cancellation_date", $"{g.CancellationDate} 须晚于计划生效日期 {g.EffectiveDate}");
        }
    }

    static void CheckClassification(Collector c, ItemGuide g)
    {
        c.OneOf("guide.item_type", g.ItemType, ItemTypes, required: true);
        c.OneOf("guide.handling_kind", g.HandlingKind, HandlingKinds, required: true);
        if (g.Audiences.Count == 0)
        {
            c.Add("required", "guide.audiences", "必填：自然人、法人，或两者都选");
        }
        c.Each("guide.audiences", g.Audiences, Audiences);
        if (g.Audiences.Distinct().Count() != g.Audiences.Count)
        {
            c.Add("vocabulary", "guide.audiences", "同一服务对象列了两次");
        }
        c.Each("guide.person_themes", g.PersonThemes, PersonThemes);
        c.Each("guide.legal_person_themes", g.LegalPersonThemes, LegalPersonThemes);
        if (g.PersonThemes.Count > 0 && !g.Audiences.Contains(Person))
        {
            c.Add("themes-match-audience", "guide.person_themes", "填了自然人主题，服务对象须包括自然人");
        }
        if (g.LegalPersonThemes.Count > 0 && !g.Audiences.Contains(LegalPerson))
        {
            c.Add("themes-match-audience", "guide.legal_person_themes", "填了法人主题，服务对象须包括法人");
        }
    }

    static void CheckLaw(Collector c, ItemGuide g)
    {
        c.Count("guide.legal_basis", g.LegalBasis.Count, 20);
        for (var i = 0; i < g.LegalBasis.Count; i++)
        {
            var b = g.LegalBasis[i];
            var field = $"guide.legal_basis[{i}]";
            c.Required("legal-basis-format", $"{field}.law", b.Law).Length($"{field}.law", b.Law, MaxName);
            if (!string.IsNullOrWhiteSpace(b.Law) && !LawTitle().IsMatch(b.Law))
            {
                c.Add("legal-basis-format", $"{field}.law", $"“{Clip(b.Law)}”应是带书名号的法律法规名称，如《中华人民共和国行政许可法》");
            }
            c.Required("legal-basis-format", $"{field}.article", b.Article).Length($"{field}.article", b.Article, MaxName);
            c.Length($"{field}.text", b.Text, MaxText);
        }
        c.Length("guide.conditions", g.Conditions, MaxConditions);
        c.Length("guide.quantity_limit", g.QuantityLimit, MaxText);
        c.Length("guide.rights_and_obligations", g.RightsAndObligations, MaxText);
    }

    static void CheckLimits(Collector c, ItemGuide g)
    {
        var statutory = g.StatutoryLimit ?? new TimeLimit();
        var promised = g.PromisedLimit ?? new TimeLimit();
        CheckLimit(c, "guide.statutory_limit", statutory);
        CheckLimit(c, "guide.promised_limit", promised);
        if (statutory.Unit.Length > 0 && promised.Unit.Length > 0 && statutory.Unit != promised.Unit)
        {
            c.Add("limit-units-match", "guide.promised_limit.unit", $"“{promised.Unit}”与法定办结时限的单位“{statutory.Unit}”不同；两者请用同一单位");
        }
        else if (statutory.Value > 0 && promised.Value > statutory.Value)
        {
            c.Add("promised-within-statutory", "guide.promised_limit.value",
                $"{promised.Value}{promised.Unit}不能超过法定办结时限{statutory.Value}{statutory.Unit}");
        }
        if (g.HandlingKind == OnTheSpot && promised.Value != 0)
        {
            c.Add("handling-kind-limit", "guide.promised_limit.value", $"即办件当场办结，承诺时限应为0，不是{promised.Value}");
        }
        if (g.HandlingKind == Promised && promised.Value < 1)
        {
            c.Add("handling-kind-limit", "guide.promised_limit.value", "承诺件的承诺时限至少1天");
        }
    }

    static void CheckLimit(Collector c, string field, TimeLimit limit)
    {
        if (limit.Value is < 0 or > 3650)
        {
            c.Add("limit-range", $"{field}.value", $"{limit.Value} 不在0至3650之间");
        }
        c.OneOf($"{field}.unit", limit.Unit, LimitUnits, required: false);
        c.Length($"{field}.explanation", limit.Explanation, MaxText);
        if (limit.Value == 0 && limit.Unit.Length > 0 && string.IsNullOrWhiteSpace(limit.Explanation))
        {
            c.Add("limit-explained", $"{field}.explanation", "时限为0时须说明原因（当场办结，或法律未规定时限）");
        }
    }

    static void CheckVisits(Collector c, ItemGuide g)
    {
        if (g.OnlineDepth is < OnlineDepth.Information or > OnlineDepth.FullyOnline)
        {
            c.Add("depth-range", "guide.online_depth", $"{(int)g.OnlineDepth} 不在1至4之间（Ⅰ 咨询、Ⅱ 预审、Ⅲ 受理、Ⅳ 全程网办）");
        }
        if (g.SiteVisits is < 0 or > 10)
        {
            c.Add("visits-range", "guide.site_visits", $"{g.SiteVisits} 不在0至10之间");
        }
        if (g.OnlineDepth == OnlineDepth.FullyOnline && g.SiteVisits != 0)
        {
            c.Add("depth-iv-zero-visits", "guide.site_visits", $"Ⅳ级（全程网办）事项无需到现场，应为0次，不是{g.SiteVisits}次");
        }
        if (g.OnlineDepth is >= OnlineDepth.Information and < OnlineDepth.FullyOnline && g.SiteVisits == 0)
        {
            c.Add("depth-iv-zero-visits", "guide.online_depth", $"零跑动的事项是全程网办，应为Ⅳ级，不是{(int)g.OnlineDepth}级");
        }
        if (g.SiteVisits > 0)
        {
            c.Required("onsite-reason", "guide.onsite_reason", g.OnsiteReason);
        }
        c.Length("guide.onsite_reason", g.OnsiteReason, MaxText);
    }

    static void CheckFees(Collector c, ItemGuide g)
    {
        if (g.Charged && g.Fees.Count == 0)
        {
            c.Add("charged-has-fees", "guide.fees", "收费的事项须列出收费标准");
        }
        if (!g.Charged && g.Fees.Count > 0)
        {
            c.Add("charged-has-fees", "guide.charged", "选了不收费，却列出了收费标准");
        }
        c.Count("guide.fees", g.Fees.Count, 20);
        for (var i = 0; i < g.Fees.Count; i++)
        {
            var f = g.Fees[i];
            var field = $"guide.fees[{i}]";
            c.Required("fee-complete", $"{field}.name", f.Name).Length($"{field}.name", f.Name, MaxName);
            c.Required("fee-complete", $"{field}.standard", f.Standard).Length($"{field}.standard", f.Standard, MaxText);
            // A fee without a legal basis is a data error (docs/domain.md §2).
            c.Required("fee-basis", $"{field}.basis", f.Basis).Length($"{field}.basis", f.Basis, MaxText);
            c.Length($"{field}.reduction", f.Reduction, MaxText);
        }
    }

    static void CheckChannels(Collector c, ItemGuide g)
    {
        var place = g.Place ?? new ServicePlace();
        c.Length("guide.place.address", place.Address, MaxText).Length("guide.place.hours", place.Hours, MaxText)
            .Length("guide.place.directions", place.Directions, MaxText);
        c.OneOf("guide.coverage", g.Coverage, Coverages, required: false);
        if (g.Appointment is { Supported: true, DailyQuota: < 1 })
        {
            c.Add("appointment-quota", "guide.appointment.daily_quota", "支持预约的事项须写明每日预约名额（至少1个）");
        }
        var contacts = g.Contacts ?? new Contacts();
        c.Phone("guide.contacts.consult_phone", contacts.ConsultPhone).Phone("guide.contacts.complaint_phone", contacts.ComplaintPhone);
        c.Length("guide.contacts.consult_address", contacts.ConsultAddress, MaxText).Link("guide.contacts.consult_online", contacts.ConsultOnline)
            .Length("guide.contacts.complaint_channel", contacts.ComplaintChannel, MaxText);
        foreach (var (name, body) in new[] { ("review", g.Review), ("litigation", g.Litigation) })
        {
            var b = body ?? new AppealBody();
            c.Length($"guide.{name}.name", b.Name, MaxName).Length($"guide.{name}.address", b.Address, MaxText)
                .Phone($"guide.{name}.phone", b.Phone).Link($"guide.{name}.web", b.Web);
        }
        c.OneOf("guide.result_type", g.ResultType, ResultTypes, required: false);
        c.Length("guide.result_name", g.ResultName, MaxName).Link("guide.result_sample", g.ResultSample);
    }

    static void CheckMaterials(Collector c, ItemGuide g)
    {
        c.Count("guide.materials", g.Materials.Count, MaxEntries);
        c.Length("guide.no_materials_reason", g.NoMaterialsReason, MaxText);
        for (var i = 0; i < g.Materials.Count; i++)
        {
            var m = g.Materials[i];
            var field = $"guide.materials[{i}]";
            c.Required("required", $"{field}.name", m.Name).Length($"{field}.name", m.Name, MaxName);
            if (VagueMaterial().IsMatch(m.Name))
            {
                // "其他相关材料" tells an applicant nothing and sends them back a second time.
                c.Add("material-specific", $"{field}.name", $"“{Clip(m.Name)}”过于笼统；请逐项写明材料名称");
            }
            c.OneOf($"{field}.type", m.Type, MaterialTypes, required: true);
            c.OneOf($"{field}.form", m.Form, MaterialForms, required: true);
            c.OneOf($"{field}.necessity", m.Necessity, Necessities, required: true);
            c.OneOf($"{field}.source", m.Source, MaterialSources, required: true);
            if (m.Type == Electronic && m.Form.Length > 0 && m.Form != ElectronicForm)
            {
                c.Add("material-form", $"{field}.form", $"电子件的材料形式是电子，不是{m.Form}");
            }
            if (m.Form == ElectronicForm && m.Copies != 0)
            {
                c.Add("material-copies", $"{field}.copies", "只收电子版的材料没有纸质份数，应为0");
            }
            if (m.Form.Length > 0 && m.Form != ElectronicForm && m.Copies is < 1 or > 20)
            {
                c.Add("material-copies", $"{field}.copies", $"纸质材料须1至20份，不是{m.Copies}份");
            }
            if (FormMaterial().IsMatch(m.Name))
            {
                c.Required("form-has-blank", $"{field}.blank_form", m.BlankForm);
            }
            c.Link($"{field}.blank_form", m.BlankForm).Link($"{field}.sample", m.Sample)
                .Length($"{field}.specification", m.Specification, MaxName).Length($"{field}.notes", m.Notes, MaxText)
                .Length($"{field}.acceptance_standard", m.AcceptanceStandard, MaxText).Length($"{field}.basis", m.Basis, MaxText);
        }
    }

    static void CheckStepsAndFaqs(Collector c, ItemGuide g)
    {
        c.Count("guide.steps", g.Steps.Count, 20);
        for (var i = 0; i < g.Steps.Count; i++)
        {
            c.Required("step-named", $"guide.steps[{i}].name", g.Steps[i].Name).Length($"guide.steps[{i}].name", g.Steps[i].Name, MaxName)
                .Length($"guide.steps[{i}].description", g.Steps[i].Description, MaxText);
        }
        c.Count("guide.special_procedures", g.SpecialProcedures.Count, 10);
        for (var i = 0; i < g.SpecialProcedures.Count; i++)
        {
            c.Required("step-named", $"guide.special_procedures[{i}].name", g.SpecialProcedures[i].Name)
                .Length($"guide.special_procedures[{i}].name", g.SpecialProcedures[i].Name, MaxName)
                .Length($"guide.special_procedures[{i}].time_limit", g.SpecialProcedures[i].TimeLimit, MaxName);
        }
        c.Count("guide.faqs", g.Faqs.Count, 30);
        for (var i = 0; i < g.Faqs.Count; i++)
        {
            c.Required("faq-complete", $"guide.faqs[{i}].question", g.Faqs[i].Question).Length($"guide.faqs[{i}].question", g.Faqs[i].Question, MaxText)
                .Required("faq-complete", $"guide.faqs[{i}].answer", g.Faqs[i].Answer).Length($"guide.faqs[{i}].answer", g.Faqs[i].Answer, MaxText);
        }
    }

    /// <summary>The fields where a mobile number is a service line people may call, not someone's personal number.</summary>
    static readonly HashSet<string> PhoneFields = new(StringComparer.Ordinal)
    {
        "guide.contacts.consult_phone", "guide.contacts.complaint_phone", "guide.review.phone", "guide.litigation.phone",
    };

    /// <summary>
    /// A guide is public and indexed for search: text holding a resident ID number is refused wherever it stands,
    /// and a mobile number everywhere but the phone fields, as disclosures and public Q&amp;A are. The number is
    /// not repeated in the refusal.
    /// </summary>
    static void CheckPersonalNumbers(Collector c, string path, Google.Protobuf.IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(message);
            var at = $"{path}.{field.Name}";
            if (field.IsRepeated && value is System.Collections.IList list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    CheckPersonalNumber(c, $"{at}[{i}]", list[i]);
                }
            }
            else
            {
                CheckPersonalNumber(c, at, value);
            }
        }
    }

    static void CheckPersonalNumber(Collector c, string path, object? value)
    {
        if (value is Google.Protobuf.IMessage nested)
        {
            CheckPersonalNumbers(c, path, nested);
        }
        else if (value is string text && text.Length > 0)
        {
            if (PersonalNumbers.ContainsResidentId(text))
            {
                c.Add("no-personal-numbers", path, "含有居民身份证号码；办事指南是公开的，不能有个人证件号码");
            }
            else if (!PhoneFields.Contains(path) && PersonalNumbers.ContainsMobile(text))
            {
                c.Add("no-personal-numbers", path, "含有手机号码；办事指南是公开的，请改为公布单位的服务电话");
            }
        }
    }

    public static bool IsPhone(string value) => value.Length <= 30 && PhoneShape().IsMatch(value);

    static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";

    /// <summary>Collects problems; every check adds to one list so a refusal names them all at once.</summary>
    sealed class Collector(List<GuideProblem>? problems = null)
    {
        public List<GuideProblem> Problems { get; } = problems ?? [];

        /// <param name="problem">What is wrong, in Chinese; the message puts the field's label before it.</param>
        public Collector Add(string rule, string field, string problem)
        {
            Problems.Add(new GuideProblem { Rule = rule, Field = field, Message = $"{FieldLabels.Describe(CreateItemRequest.Descriptor, field)}：{problem}" });
            return this;
        }

        public Collector Required(string rule, string field, string? value) =>
            string.IsNullOrWhiteSpace(value) ? Add(rule, field, "必填") : this;

        public Collector Length(string field, string? value, int max) =>
            value is not null && value.Length > max ? Add("length", field, $"有{value.Length}个字，不能超过{max}个") : this;

        public Collector Count(string field, int count, int max) =>
            count > max ? Add("length", field, $"列了{count}项，不能超过{max}项") : this;

        public Collector OneOf(string field, string value, string[] allowed, bool required)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return required ? Add("required", field, $"必填：{string.Join("、", allowed)}之一") : this;
            }
            return allowed.Contains(value) ? this : Add("vocabulary", field, $"“{Clip(value)}”不是{string.Join("、", allowed)}之一");
        }

        public Collector Each(string field, IList<string> values, string[] allowed)
        {
            Count(field, values.Count, 10);
            for (var i = 0; i < values.Count && i < 10; i++)
            {
                OneOf($"{field}[{i}]", values[i], allowed, required: true);
            }
            return this;
        }

        public Collector List(string field, IList<string> values, int maxCount, int maxLength)
        {
            Count(field, values.Count, maxCount);
            for (var i = 0; i < values.Count && i < maxCount; i++)
            {
                Required("required", $"{field}[{i}]", values[i]).Length($"{field}[{i}]", values[i], maxLength);
            }
            return this;
        }

        public Collector Phone(string field, string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return this;
            }
            return IsPhone(value)
                ? this
                : Add("phone-format", field, $"“{Clip(value)}”不是电话号码（如0883-6010000、手机号码、12345或400-xxx-xxxx）");
        }

        /// <summary>A web address (http or https) or a path on the hall's own site.</summary>
        public Collector Link(string field, string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return this;
            }
            Length(field, value, 500);
            var isPath = value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal);
            var isWeb = Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
            return isPath || isWeb ? this : Add("link-format", field, $"“{Clip(value)}”既不是http(s)网址，也不是以/开头的站内路径");
        }

        public DateOnly? Date(string field, string value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }
            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }
            Add("date-format", field, $"“{Clip(value)}”不是日期（YYYY-MM-DD）");
            return null;
        }
    }

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex BasicCodeShape();

    [GeneratedRegex(@"^《[^《》]+》")]
    private static partial Regex LawTitle();

    /// <summary>Landlines with area code (and extension), mobiles, short service hotlines (12345, 12315) and 400/800 numbers.</summary>
    [GeneratedRegex(@"^(0\d{2,3}-\d{7,8}(-\d{1,6})?|1[3-9]\d{9}|12\d{3}|[48]00-?\d{3}-?\d{4})$")]
    private static partial Regex PhoneShape();

    [GeneratedRegex(@"^(其他|其它|相关|有关)*(相关|有关|其他|其它)材料$|等$")]
    private static partial Regex VagueMaterial();

    [GeneratedRegex("申请表|申请书|登记表|审批表")]
    private static partial Regex FormMaterial();
}
