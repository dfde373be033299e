using GoWatch.Platform.Processes;
using GoWatch.Platform.Service;

namespace GoWatch.Platform.Tests.Service;

public sealed class UnixUserTests
{
    [Fact]
    public async Task The_real_user_id_is_the_one_id_reports()
    {
        var id = await ProcessRunner.RunAsync(new ProcessSpec("id", ["-u"]), CancellationToken.None);

        Assert.Equal(id.Stdout.Trim(), UnixUser.CurrentUserId().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
