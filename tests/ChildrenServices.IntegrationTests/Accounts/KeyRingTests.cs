using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ChildrenServices.IntegrationTests.Accounts;

/// <summary>The app with a certificate to encrypt its key ring, as a council's deployment sets it, in a keys folder of its own.</summary>
public sealed class EncryptedKeysAppFactory : AppFactory
{
    public const string CertificatePassword = "a-made-up-pfx-password";

    public string KeysFolder { get; } = Path.Combine(Path.GetTempPath(), $"childrenservices-tests-encrypted-keys-{Guid.NewGuid():N}");

    public string CertificatePath { get; } = Path.Combine(Path.GetTempPath(), $"childrenservices-tests-keys-{Guid.NewGuid():N}.pfx");

    public EncryptedKeysAppFactory()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=ChildrenServices key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pfx, CertificatePassword));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DataProtection:KeysPath", KeysFolder);
        builder.UseSetting("DataProtection:CertificatePath", CertificatePath);
        builder.UseSetting("DataProtection:CertificatePassword", CertificatePassword);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(CertificatePath);
        if (Directory.Exists(KeysFolder))
        {
            Directory.Delete(KeysFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>Issue 15 (ASVS 11.1, 13.3): with <c>DataProtection:CertificatePath</c> set, the key ring is encrypted at rest.</summary>
public sealed class KeyRingTests(EncryptedKeysAppFactory factory) : IntegrationTest(factory), IClassFixture<EncryptedKeysAppFactory>
{
    private EncryptedKeysAppFactory Keys => (EncryptedKeysAppFactory)Factory;

    [Fact]
    public async Task The_key_ring_is_written_encrypted_to_the_certificate_and_opens_only_with_it()
    {
        // Any page with a form makes the app protect something, so a key exists.
        var page = await AnonymousClient().GetAsync("/Account/SignIn", TestContext.Current.CancellationToken);
        page.EnsureSuccessStatusCode();

        var files = Directory.GetFiles(Keys.KeysFolder, "key-*.xml");
        Assert.NotEmpty(files);
        foreach (var xml in files.Select(File.ReadAllText))
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        }

        // Another host with the certificate reads the same ring; one without it cannot.
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(Keys.CertificatePath, EncryptedKeysAppFactory.CertificatePassword);
        var withCertificate = Provider(services => services.AddDataProtection().SetApplicationName("ChildrenServices")
            .PersistKeysToFileSystem(new DirectoryInfo(Keys.KeysFolder)).ProtectKeysWithCertificate(certificate).DisableAutomaticKeyGeneration());
        var protectedText = withCertificate.CreateProtector("key ring test").Protect("a made-up payload");
        Assert.Equal("a made-up payload", withCertificate.CreateProtector("key ring test").Unprotect(protectedText));

        var without = Provider(services => services.AddDataProtection().SetApplicationName("ChildrenServices")
            .PersistKeysToFileSystem(new DirectoryInfo(Keys.KeysFolder)).DisableAutomaticKeyGeneration());
        Assert.ThrowsAny<CryptographicException>(() => without.CreateProtector("key ring test").Unprotect(protectedText));
    }

    private static IDataProtectionProvider Provider(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        configure(services);
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
    }
}
