namespace ResolutionTracker.Domain;

public enum UnBody
{
    HumanRightsCouncil,
    GeneralAssembly,
    ThirdCommittee,
    SecurityCouncil,
    EconomicAndSocialCouncil,
    CommissionOnHumanRights,
}

public enum OrganisationKind
{
    State,
    Ngo,
    UnBody,
    Nhri,
}

public enum RegionalGroup
{
    African,
    AsiaPacific,
    EasternEuropean,
    LatinAmericanAndCaribbean,
    WesternEuropeanAndOthers,
}

public enum ResolutionStatus
{
    Draft,
    Revised,
    Adopted,
    Rejected,
    Withdrawn,
    Deferred,
}

public enum VersionKind
{
    Draft,
    Revision,
    OralRevision,
    Adopted,
}

// How much of a version's text the app holds.
public enum TextCompleteness
{
    Complete,
    Partial,
    NotImported,
}

public enum ParagraphKind
{
    Preambular,
    Operative,
}

// Where a paragraph's text came from: imported whole, or only quoted by a document (e.g. a briefing).
public enum TextSource
{
    Imported,
    Quoted,
    NotImported,
}

public enum SponsorRole
{
    MainSponsor,
    CoSponsor,
}

public enum ConcernState
{
    Draft,
    InReview,
    ChangesRequested,
    Approved,
    Withdrawn,
}

public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}

public enum BriefingStance
{
    Support,
    SupportWithAmendments,
    Neutral,
    Oppose,
}

public enum BriefingStatus
{
    Draft,
    Published,
}

public enum VoteKind
{
    Recorded,
    WithoutVote,
}

public enum VoteChoice
{
    Yes,
    No,
    Abstain,
    NonVoting,
}

public enum ExpectedVote
{
    Unknown,
    Yes,
    No,
    Abstain,
    NonVoting,
}

public enum Priority
{
    Low,
    Medium,
    High,
}
