using ChildrenServices.Infrastructure.Identity;
using ChildrenServices.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChildrenServices.Infrastructure.Persistence.Configurations;

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> builder)
    {
        builder.ToTable("SignInSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Client).HasMaxLength(SignInSession.ClientLength);
        builder.Property(s => s.Address).HasMaxLength(SignInSession.AddressLength);
        builder.Property(s => s.EndReason).HasMaxLength(SignInSession.EndReasonLength);
        builder.Property(s => s.ProviderSessionId).HasMaxLength(SignInSession.ProviderIdLength);
        builder.Property(s => s.ProviderSubject).HasMaxLength(SignInSession.ProviderIdLength);
        builder.HasIndex(s => s.UserId);
        builder.HasIndex(s => s.ProviderSessionId);
        builder.HasIndex(s => s.ProviderSubject);
    }
}

internal sealed class UsedLogoutTokenConfiguration : IEntityTypeConfiguration<UsedLogoutToken>
{
    public void Configure(EntityTypeBuilder<UsedLogoutToken> builder)
    {
        // The jti is the key: of two posts of the same token at once, one insert wins.
        builder.ToTable("UsedLogoutTokens");
        builder.HasKey(t => t.Jti);
        builder.Property(t => t.Jti).HasMaxLength(UsedLogoutToken.JtiLength);
        builder.HasIndex(t => t.KeptUntilUtc);
    }
}

internal sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> builder)
    {
        builder.ToTable("FormSubmissions");

        // The submission id is the primary key: the unique index that lets only one of two
        // concurrent repeats go ahead.
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Path).HasMaxLength(400);
        builder.Property(s => s.ResultLocation).HasMaxLength(2000);
        builder.HasIndex(s => s.ReceivedAtUtc);
    }
}

internal sealed class SignInFailureCountConfiguration : IEntityTypeConfiguration<SignInFailureCount>
{
    public void Configure(EntityTypeBuilder<SignInFailureCount> builder)
    {
        builder.ToTable("SignInFailureCounts");

        // The key is the primary key: two servers counting the same first failure cannot both insert it.
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(SignInFailureCount.KeyLength);
        builder.HasIndex(c => c.FirstFailureUtc);
    }
}
