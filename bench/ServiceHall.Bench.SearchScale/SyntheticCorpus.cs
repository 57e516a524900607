using System.Text;
using static ServiceHall.Bench.SearchScale.GovernmentVocabulary;

namespace ServiceHall.Bench.SearchScale;

/// <summary>
/// An endless, deterministic stream of government-service documents: the same seed gives the same documents
/// in the same order, so the first 100,000 of the 1,000,000 are the 100,000 and every run indexes the same text.
/// Titles read like 事项 names ("城关镇居民身份证补办"); bodies are one to three guide-like sentences of about
/// 80 to 150 characters, mostly about the title's service.
/// </summary>
sealed class SyntheticCorpus(int seed)
{
    const int MinBody = 80;
    const int MaxBody = 150;

    static readonly ZipfChoice<string> subjects = new(Subjects);
    static readonly ZipfChoice<string> actions = new(Actions);
    static readonly ZipfChoice<string> departments = new(Departments);
    static readonly ZipfChoice<string> places = new(Places);
    static readonly ZipfChoice<string> applicants = new(Applicants);
    static readonly ZipfChoice<string> materials = new(Materials);
    static readonly ZipfChoice<string> laws = new(Laws);
    static readonly ZipfChoice<string> channels = new(Channels);
    static readonly ZipfChoice<string> results = new(Results);
    static readonly ZipfChoice<string> names = new(NameWords, exponent: 0.8);
    static readonly ZipfChoice<string> trades = new(Trades);
    static readonly int[] workingDays = [1, 3, 5, 7, 10, 15, 20, 30, 60];

    readonly Random random = new(seed);
    int nextId;

    public static SourceDocument[] Take(int seed, int count)
    {
        var corpus = new SyntheticCorpus(seed);
        var documents = new SourceDocument[count];
        for (var i = 0; i < count; i++)
        {
            documents[i] = corpus.Next();
        }
        return documents;
    }

    public SourceDocument Next()
    {
        var id = nextId++;
        // A document is about one service; now and then a sentence names another (related services, Q&A).
        var service = subjects.Next(random) + actions.Next(random);
        var body = new StringBuilder();
        var sentences = 0;
        var wanted = 1 + random.Next(3);
        while (sentences < 3 && (sentences < wanted || body.Length < MinBody))
        {
            var sentence = Sentence(random.Next(5) == 0 ? subjects.Next(random) + actions.Next(random) : service);
            if (sentences > 0 && body.Length + sentence.Length > MaxBody)
            {
                break;
            }
            body.Append(sentence);
            sentences++;
        }
        return new SourceDocument(id, Title(service), body.ToString());
    }

    string Title(string service) =>
        random.Next(100) switch
        {
            < 40 => service,
            < 60 => places.Next(random) + service,
            < 75 => departments.Next(random) + service,
            < 85 => applicants.Next(random) + service,
            < 90 => $"关于{service}的办事指南",
            _ => $"{names.Next(random)}{trades.Next(random)}有限公司{service}",
        };

    string Sentence(string service) =>
        random.Next(8) switch
        {
            0 => $"{applicants.Next(random)}办理{service}，需携带{materials.Next(random)}和{materials.Next(random)}到{places.Next(random)}便民服务中心窗口提交申请。",
            1 => $"本事项由{departments.Next(random)}负责受理，法定办结时限为{Days()}个工作日，承诺办结时限为{Days()}个工作日。",
            2 => $"根据《{laws.Next(random)}》规定，{departments.Next(random)}对{service}申请进行审查，符合条件的当场出具{results.Next(random)}。",
            3 => $"{service}已实现{channels.Next(random)}，{applicants.Next(random)}可通过政务服务网在线提交{materials.Next(random)}，无需到现场。",
            4 => $"{places.Next(random)}{names.Next(random)}村{applicants.Next(random)}反映{service}流程较多，{departments.Next(random)}已安排专人上门服务。",
            5 => $"{names.Next(random)}{trades.Next(random)}有限公司于{1 + random.Next(12)}月申请{service}，{departments.Next(random)}经审核后核发{results.Next(random)}。",
            6 => $"办理{service}不收取费用，{results.Next(random)}可选择{channels.Next(random)}或到{places.Next(random)}领取。",
            _ => $"材料不齐全的，{departments.Next(random)}应当一次性告知{applicants.Next(random)}需要补正的全部内容。",
        };

    int Days() => workingDays[random.Next(workingDays.Length)];
}
