using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.EarlyHelp;

/// <summary>
/// The early help assessment in a strengths-based shape: what are we worried about, what is working
/// well, what needs to happen, a 0–10 scaling judgement, and each child's voice. One per episode,
/// edited by the keyworker until it is completed; its own version so two editors never overwrite.
/// </summary>
public sealed class EarlyHelpAssessment : Aggregate
{
    private readonly List<ChildVoice> voices = [];

    private EarlyHelpAssessment()
    {
    }

    public EarlyHelpAssessment(Guid episodeId) => EpisodeId = episodeId;

    public Guid EpisodeId { get; private init; }

    public string? Worries { get; private set; }

    public string? WorkingWell { get; private set; }

    public string? NeedsToHappen { get; private set; }

    /// <summary>0 = the worries are so great the family cannot stay as it is; 10 = everyone is confident the children are well.</summary>
    public int? Scaling { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    public IReadOnlyList<ChildVoice> Voices => voices;

    public bool IsComplete => CompletedOn is not null;

    public void Record(string? worries, string? workingWell, string? needsToHappen, int? scaling, IReadOnlyDictionary<Guid, string?> voicesByChild)
    {
        if (IsComplete)
        {
            throw new DomainRuleException("The assessment is complete: record what has changed at the next review", "Worries");
        }

        if (scaling is < 0 or > 10)
        {
            throw new DomainRuleException("The scaling judgement is a number from 0 to 10", "Scaling");
        }

        Worries = Clean(worries);
        WorkingWell = Clean(workingWell);
        NeedsToHappen = Clean(needsToHappen);
        Scaling = scaling;
        foreach (var (childId, voice) in voicesByChild)
        {
            var existing = voices.SingleOrDefault(v => v.ChildId == childId);
            if (existing is null)
            {
                voices.Add(new ChildVoice(Id, childId, Clean(voice)));
            }
            else
            {
                existing.Voice = Clean(voice);
            }
        }
    }

    public void Complete(DateOnly on, IEnumerable<Guid> childIds)
    {
        if (Worries is null || WorkingWell is null || NeedsToHappen is null || Scaling is null)
        {
            throw new DomainRuleException("Answer the three questions and give a scaling judgement before completing the assessment", "Worries");
        }

        var missing = childIds.Where(id => voices.All(v => v.ChildId != id || v.Voice is null)).ToList();
        if (missing.Count > 0)
        {
            throw new DomainRuleException("Record each child's voice before completing the assessment", "Voices");
        }

        CompletedOn = on;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What a child says, shows or wants, in their words where possible.</summary>
public sealed class ChildVoice : IPartOf<EarlyHelpAssessment>
{
    private ChildVoice()
    {
    }

    internal ChildVoice(Guid assessmentId, Guid childId, string? voice)
    {
        AssessmentId = assessmentId;
        ChildId = childId;
        Voice = voice;
    }

    public Guid AssessmentId { get; private init; }

    Guid IPartOf.RootId => AssessmentId;

    public Guid ChildId { get; private init; }

    public string? Voice { get; internal set; }
}
