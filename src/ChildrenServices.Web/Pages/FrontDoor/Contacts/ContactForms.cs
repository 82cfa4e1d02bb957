using ChildrenServices.Application.FrontDoor;

namespace ChildrenServices.Web.Pages.FrontDoor.Contacts;

/// <summary>A page showing the contact details fields (record and edit share them).</summary>
public interface IContactDetailsForm
{
    ContactDetailsInput Input { get; }
}
