using System.Security.Cryptography;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.FrontDoor;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>The front door's local settings (configuration section "FrontDoor").</summary>
public sealed class FrontDoorSettings
{
    /// <summary>Alert when a child on a contact had another contact within this many days.</summary>
    public int RecentContactAlertDays { get; set; } = 30;

    /// <summary>Where the deployment requires it, a manager signs off every front-door decision before it takes effect.</summary>
    public bool DecisionsNeedManagerSignOff { get; set; }

    /// <summary>The default time a partner agency has to answer a MASH check.</summary>
    public int MashCheckResponseHours { get; set; } = 4;
}

/// <summary>Deadlines in UK local time, stored in UTC.</summary>
public static class FrontDoorClock
{
    public static DateTime DecisionDueUtc(DateTime receivedAtUtc, WorkingDayCalendar calendar)
    {
        var local = UkTime.ToLocal(receivedAtUtc);
        return UkTime.ToUtc(DecisionDeadline.Due(local, calendar));
    }
}

/// <summary>References a referrer can read out on the phone: "FD-7K3M-9QXT". Random, so they reveal nothing.</summary>
public static class ContactReferences
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static async Task<string> NewAsync(IAppDbContext db, CancellationToken ct)
    {
        while (true)
        {
            var reference = Generate();
            if (!await db.Contacts.AnyAsync(c => c.Reference == reference, ct))
            {
                return reference;
            }
        }
    }

    public static string Generate()
    {
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"FD-{chars[..4]}-{chars[4..]}";
    }
}
