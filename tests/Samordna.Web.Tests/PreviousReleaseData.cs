using System.Text;
using Samordna.Core.Measurement;
using Samordna.Web.Data;

namespace Samordna.Web.Tests;

/// <summary>
/// What an association's database holds after a year with the previous release (schema at M0007): written in plain
/// SQL with the columns of that release, so the upgrade test does not lean on today's model. Deterministic, and it
/// knows its own counts so the test can check what today's code reads from it.
/// </summary>
public sealed class PreviousReleaseData(DatabaseProvider provider)
{
    public const int Baseline = 1, FollowUp = 2;
    public const string DraftTokenHash = "d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0";
    private static readonly string[] Municipalities = ["Gävle", "Sandviken", "Hofors"];
    private static readonly string[] Operations = ["fk", "af", "primarvard", "psykiatri", "socialtjanst", "arbetsmarknad", "ovrig-kommun", "ovrigt"];
    private static readonly string[] Forms = ["flerpartsmote", "sip", "digitalt", "teamtraff", "natverk"];
    private const string Now = "'2019-04-02 08:30:00'";

    private readonly Dictionary<int, int> records = [];
    private readonly Dictionary<(int Round, string Item), int> substantive = [];

    public int Records(int round) => records.GetValueOrDefault(round);
    public int Substantive(int round, string item) => substantive.GetValueOrDefault((round, item));

    private string True => provider == DatabaseProvider.Postgres ? "TRUE" : "1";
    private string False => provider == DatabaseProvider.Postgres ? "FALSE" : "0";

    public IEnumerable<string> Statements()
    {
        var random = new Random(7);
        yield return $"INSERT INTO \"AspNetUsers\" (\"Id\",\"DisplayName\",\"CreatedAt\",\"UserName\",\"NormalizedUserName\",\"Email\",\"NormalizedEmail\",\"EmailConfirmed\",\"PhoneNumberConfirmed\",\"TwoFactorEnabled\",\"LockoutEnabled\",\"AccessFailedCount\",\"PasswordHash\",\"SecurityStamp\") VALUES ('u-analys','Åsa Öberg',{Now},'asa@forbund.se','ASA@FORBUND.SE','asa@forbund.se','ASA@FORBUND.SE',{True},{False},{False},{True},0,'AQAAAAIAAYagAAAAEHash','STAMP1')";
        yield return $"INSERT INTO \"Associations\" (\"Name\",\"OrganisationNumber\",\"StartDate\",\"IsDemo\",\"CreatedAt\") VALUES ('Samordningsförbund Gävleborg','222000-9993','2016-01-01',{False},{Now})";
        foreach (var (kind, name, county, municipality) in new[] { ("Fk", "Försäkringskassan", "NULL", "NULL"), ("Af", "Arbetsförmedlingen", "NULL", "NULL"), ("Region", "Region Gävleborg", "'21'", "NULL"),
                     ("Municipality", "Gävle kommun", "'21'", "'2180'"), ("Municipality", "Sandvikens kommun", "'21'", "'2181'"), ("Municipality", "Hofors kommun", "'21'", "'2104'") })
            yield return $"INSERT INTO \"MemberParties\" (\"AssociationId\",\"Kind\",\"Name\",\"CountyCode\",\"MunicipalityCode\") VALUES (1,'{kind}','{name}',{county},{municipality})";
        yield return $"INSERT INTO \"RoleAssignments\" (\"UserId\",\"AssociationId\",\"Role\",\"GrantedAt\") VALUES ('u-analys',1,'Analyst',{Now})";
        yield return $"INSERT INTO \"ApiTokens\" (\"UserId\",\"Name\",\"Prefix\",\"TokenHash\",\"CreatedAt\",\"LastUsedAt\",\"RevokedAt\") VALUES ('u-analys','Rapportskript','smd_ab12','{new string('a', 64)}',{Now},'2019-05-01 12:00:00',NULL)";
        yield return $"INSERT INTO \"FundingYears\" (\"AssociationId\",\"Year\",\"Total\",\"Key\",\"UpdatedAt\") VALUES (1,2019,9500000,'Population',{Now})";
        foreach (var (code, population, percentage) in new[] { ("2180", "102000", "'68.456376'"), ("2181", "39000", "'26.174497'"), ("2104", "8000", "'5.369127'") })
            yield return $"INSERT INTO \"FundingKeyValues\" (\"FundingYearId\",\"MunicipalityCode\",\"Population\",\"Percentage\") VALUES (1,'{code}',{population},{percentage})";
        foreach (var (municipality, part) in new[] { ("Gävle", "Gästrikland"), ("Sandviken", "Gästrikland"), ("Hofors", "Västra Gästrikland") })
            yield return $"INSERT INTO \"UnitGroupings\" (\"AssociationId\",\"Attribute\",\"SourceAttribute\",\"SourceValue\",\"Value\") VALUES (1,'county_part','municipality','{municipality}','{part}')";

        var definition = BuiltInInstruments.Json("gavleborg-2016-staff").Replace("'", "''");
        yield return $"INSERT INTO \"SurveyInstruments\" (\"Code\",\"Version\",\"Title\",\"Definition\",\"AddedAt\") VALUES ('gavleborg-2016-staff',1,'Samverkan – personal, Gävleborg 2016','{definition}',{Now})";
        yield return $"INSERT INTO \"SurveyRounds\" (\"AssociationId\",\"InstrumentId\",\"Name\",\"BaselineRoundId\",\"CreatedAt\",\"OpensOn\",\"ClosesOn\") VALUES (1,1,'Baslinje 2016',NULL,'2016-10-01 09:00:00',NULL,NULL)";
        yield return $"INSERT INTO \"SurveyRounds\" (\"AssociationId\",\"InstrumentId\",\"Name\",\"BaselineRoundId\",\"CreatedAt\",\"OpensOn\",\"ClosesOn\") VALUES (1,1,'Ommätning 2019',1,{Now},'2019-03-01','2019-03-31')";
        yield return $"INSERT INTO \"SurveyRoundPeriods\" (\"RoundId\",\"Kind\",\"OpensOn\",\"ClosesOn\") VALUES (2,'chef','2019-03-10','2019-04-10')";

        // The follow-up's register: 150 people, 110 answered, 8 excluded, the rest still holding a link (four have a draft).
        var invitations = new StringBuilder();
        var invitationUnits = new StringBuilder();
        for (var i = 1; i <= 150; i++)
        {
            var answered = i <= 110;
            var excluded = !answered && i <= 118;
            var token = answered || excluded ? "NULL" : i <= 122 && i > 118 ? (i == 119 ? $"'{DraftTokenHash}'" : $"'{i:x64}'") : $"'{(i * 7919):x64}'";
            Append(invitations, $"({i},2,'person{i}@gavleborg.se',{token},{(answered ? True : False)},{(excluded ? True : False)},{(excluded ? "'Tjänstledig, \"föräldraledig\"'" : "NULL")},{(i % 15 == 0 ? "'chef'" : "'personal'")})");
            Append(invitationUnits, $"({i},'municipality','{Municipalities[i % 3]}')");
        }
        yield return $"INSERT INTO \"SurveyInvitations\" (\"Id\",\"RoundId\",\"Email\",\"TokenHash\",\"Answered\",\"Excluded\",\"ExclusionReason\",\"Kind\") VALUES {invitations}";
        yield return $"INSERT INTO \"SurveyInvitationUnits\" (\"InvitationId\",\"Attribute\",\"Value\") VALUES {invitationUnits}";
        for (var i = 119; i <= 122; i++)
            yield return $"INSERT INTO \"SurveyDrafts\" (\"RoundId\",\"TokenHash\",\"Answers\",\"UpdatedAt\") VALUES (2,'{(i == 119 ? DraftTokenHash : $"{i:x64}")}','{{\"KONTAKT\":\"ja\",\"__units\":\"Gävle|Hofors\",\"comment:P1/Gävle\":\"Vi ses ofta – \\\"bra\\\"\"}}','2019-03-20 14:0{i % 10}:00')";
        if (provider == DatabaseProvider.Postgres)
            yield return "SELECT setval(pg_get_serial_sequence('\"SurveyInvitations\"', 'Id'), 150)";

        // Records: 120 imported for the baseline, one per answered invitation for the follow-up (the per-municipality block once per chosen municipality).
        long recordId = 0, answerId = 0;
        foreach (var (round, people) in new[] { (Baseline, 120), (FollowUp, 110) })
        {
            var recordRows = new StringBuilder();
            var unitRows = new StringBuilder();
            var answerRows = new StringBuilder();
            var commentRows = new StringBuilder();
            for (var p = 0; p < people; p++)
            {
                var key = $"{round:x2}{p:x30}";
                foreach (var municipality in Municipalities.Where((_, m) => m == p % 3 || (p % 5 == 0 && m == (p + 1) % 3)))
                {
                    recordId++;
                    records[round] = Records(round) + 1;
                    Append(recordRows, $"({recordId},{round},'{key}',{(round == Baseline ? "NULL" : $"'2019-03-{1 + p % 28:D2}'")})");
                    Append(unitRows, $"({recordId},'municipality','{municipality}')");
                    if (round == FollowUp) Append(unitRows, $"({recordId},'respondent_kind','personal')");
                    Answer(answerRows, ++answerId, recordId, "KONTAKT", "'ja'");
                    Answer(answerRows, ++answerId, recordId, "VERKSAMHET", $"'{Operations[random.Next(Operations.Length)]}'");
                    Answer(answerRows, ++answerId, recordId, "STRUKTUR", random.Next(4) == 0 ? "NULL" : random.Next(2) == 0 ? "'ja'" : "'nej'");
                    foreach (var form in Forms.Where(_ => random.Next(3) == 0)) Answer(answerRows, ++answerId, recordId, "FORMER", $"'{form}'");
                    for (var item = 1; item <= 9; item++)
                    {
                        var roll = random.Next(12);
                        var value = roll == 0 ? "NULL" : roll == 1 ? "'vet-ej'" : $"'{1 + random.Next(6)}'";
                        if (value.Length == 3) substantive[(round, $"P{item}")] = Substantive(round, $"P{item}") + 1;
                        Answer(answerRows, ++answerId, recordId, $"P{item}", value);
                    }
                    if (p % 11 == 0) Append(commentRows, $"({recordId},'P{1 + p % 9}','Mötena i {municipality} fungerar; \"rutiner\" saknas ibland.\nÅtgärd: fråga chefen. 50 % nöjda')");
                }
            }
            yield return $"INSERT INTO \"SurveyRecords\" (\"Id\",\"RoundId\",\"RespondentKey\",\"SubmittedOn\") VALUES {recordRows}";
            yield return $"INSERT INTO \"SurveyRecordUnits\" (\"RecordId\",\"Attribute\",\"Value\") VALUES {unitRows}";
            yield return $"INSERT INTO \"SurveyAnswers\" (\"Id\",\"RecordId\",\"ItemCode\",\"Value\") VALUES {answerRows}";
            yield return $"INSERT INTO \"SurveyComments\" (\"RecordId\",\"ItemCode\",\"Text\") VALUES {commentRows}";
        }
        if (provider == DatabaseProvider.Postgres)
        {
            yield return $"SELECT setval(pg_get_serial_sequence('\"SurveyRecords\"', 'Id'), {recordId})";
            yield return $"SELECT setval(pg_get_serial_sequence('\"SurveyAnswers\"', 'Id'), {answerId})";
        }
        yield return $"INSERT INTO \"AuditEntries\" (\"At\",\"Actor\",\"AssociationId\",\"Action\",\"Entity\",\"EntityKey\",\"Changes\") VALUES ({Now},'asa@forbund.se',1,'Register importerat','SurveyRound','2','{{\"personer\":150}}')";
    }

    private static void Answer(StringBuilder rows, long id, long record, string item, string value) => Append(rows, $"({id},{record},'{item}',{value})");

    private static void Append(StringBuilder rows, string row) => rows.Append(rows.Length == 0 ? "" : ",").Append(row);
}
