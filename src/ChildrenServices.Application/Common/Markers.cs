namespace ChildrenServices.Application;

/// <summary>A message about one child or person: record-level access applies.</summary>
public interface IPersonScoped
{
    Guid PersonId { get; }
}

/// <summary>
/// A person-scoped command an independent reviewing officer records as the review's chair. They are
/// independent of the case (the IRO Handbook) so never hold it: record access lets them record it on any
/// child they can see (<see cref="Security.RecordAccess.CanRecordReviewOutcomeAsync"/>).
/// </summary>
public interface IReviewOutcome : IPersonScoped;

/// <summary>
/// A person-scoped command that corrects something already recorded. Who may correct depends on the record (the
/// worker who recorded it within the set time, or a manager of the team holding the case), so the handler decides;
/// the pipeline only asks that the user may see the child.
/// </summary>
public interface ICorrection : IPersonScoped;

/// <summary>A command about a person that anyone who may see them may send: it records nothing on their record (a reason to read it).</summary>
public interface ISeeingIsEnough : IPersonScoped;

/// <summary>A message whose every use writes an audit row: who, when, what, about whom.</summary>
public interface IAudited;

/// <summary>
/// An audited query's result that lists people (search results): the audit row is one per person shown, so a record's
/// viewers and a colleague's access report include being listed, not only being opened.
/// </summary>
public interface IShowsPeople
{
    IEnumerable<Guid> PeopleShown { get; }
}

/// <summary>An audited command that creates a person: the audit row names the new person.</summary>
public interface ICreatesPerson;

/// <summary>An edit of an aggregate loaded earlier: carries the version the user saw.</summary>
public interface IVersioned
{
    Guid Version { get; }
}

/// <summary>A message about one front-door contact: the user must be able to see everyone it is about.</summary>
public interface IContactScoped
{
    Guid ContactId { get; }
}

/// <summary>A message about one early help episode: the user must be able to see every child in it.</summary>
public interface IEpisodeScoped
{
    Guid EpisodeId { get; }
}

/// <summary>
/// A message about several children at once (a manager moving a worker's children): the user must be able to
/// see every one of them, and the audit row goes on each child's record.
/// </summary>
public interface IChildrenScoped
{
    IReadOnlyList<Guid> ChildIds { get; }
}
