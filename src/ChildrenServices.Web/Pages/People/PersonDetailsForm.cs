using ChildrenServices.Application.People;

namespace ChildrenServices.Web.Pages.People;

/// <summary>What the shared person-details fields need from the page that shows them.</summary>
public interface IPersonDetailsForm
{
    PersonDetailsInput Input { get; }

    bool IsChild { get; }
}
