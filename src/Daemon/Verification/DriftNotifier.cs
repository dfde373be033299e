using GoWatch.Events;
using GoWatch.Events.Drift;
using GoWatch.Events.Model;
using GoWatch.Events.Store;
using GoWatch.Platform.Locations;
using GoWatch.Platform.Notifications;
using GoWatch.Platform.Security;
using Microsoft.Extensions.Logging;

namespace GoWatch.Daemon.Verification;

/// <summary>
/// Tells the user once when checks break: every check that turned to <c>error</c> in one run
/// goes into one notification naming the change to blame; whether it is shown is
/// <see cref="NotificationPolicy"/>'s decision over the drift state; either way a
/// <c>NotificationSent</c> is recorded, so history shows it even when the desktop swallowed it.
/// </summary>
public sealed class DriftNotifier(IEventStore store, IDesktopNotifier desktop, GoWatchSettings settings, TimeProvider time, ILogger<DriftNotifier> log)
{
    public async Task NotifyAsync(IReadOnlyList<EventEnvelope> detected, CancellationToken cancellationToken)
    {
        // Most runs break nothing: skip folding the drift state for them.
        if (NotificationPolicy.Errors(detected).Count == 0)
        {
            return;
        }
        // The rate limit comes from the log (the last delivered notification), not from memory.
        var decision = NotificationPolicy.Decide(DriftState.Load(store), detected, time.GetUtcNow(), settings.Notifications, settings.NotificationInterval);
        if (decision is null)
        {
            return;
        }
        var errors = decision.Errors;
        var (title, message) = Compose(errors);
        var checkIds = errors.Select(e => ((DriftDetected)e.Data).CheckId).ToList();

        NotificationSent sent;
        switch (decision.Verdict)
        {
            case NotificationVerdict.Off:
                log.LogWarning("{Title}: {Message} (desktop notifications are off)", title, message);
                sent = new NotificationSent("log", title, message, checkIds, Delivered: false, decision.Reason);
                break;
            case NotificationVerdict.RateLimited:
                log.LogWarning("{Title}: {Message} (notification suppressed: {Reason})", title, message, decision.Reason);
                sent = new NotificationSent("suppressed", title, message, checkIds, Delivered: false, decision.Reason);
                break;
            default:
                var result = await desktop.NotifyAsync(title, message, cancellationToken);
                if (result.Channel == NotificationChannel.Log || !result.Succeeded)
                {
                    log.LogWarning("{Title}: {Message} ({Channel}{Error})", title, message, result.ChannelName, result.Error is null ? "" : ": " + result.Error);
                }
                sent = new NotificationSent(result.ChannelName, title, message, checkIds, result.Succeeded && result.Channel != NotificationChannel.Log, result.Error);
                break;
        }
        store.Append(new AppendRequest(Streams.Daemon, ExpectedVersion.Any,
            [new NewEvent(sent, EventSources.Daemon) { CausationId = errors[0].Id, CorrelationId = errors[0].CorrelationId }]));
    }

    private (string Title, string Message) Compose(IReadOnlyList<EventEnvelope> errors)
    {
        var first = (DriftDetected)errors[0].Data;
        var what = errors.Count == 1 ? first.Title : $"{first.Title} (+{errors.Count - 1} more: {string.Join(", ", errors.Skip(1).Select(e => ((DriftDetected)e.Data).CheckId))})";
        var blamed = first.CausedBy is { } position ? store.Get(position) : null;
        var because = blamed switch
        {
            { Data: IFileEvent f } => $" after {HomePaths.Tilde(f.Path, settings.Home)} changed at {blamed.Time.ToLocalTime():HH:mm} — run `gowatch diff {blamed.Position}`",
            { Data: InstallationChanged i } => $" after {HomePaths.Tilde(i.Path, settings.Home)} changed at {blamed.Time.ToLocalTime():HH:mm} — run `gowatch show {blamed.Position}`",
            _ => " — run `gowatch doctor`",
        };
        // Notification text leaves the store: mask anything that looks like a secret.
        return ("GoWatch: Go setup broken", SecretMasker.Mask(what + because));
    }
}
