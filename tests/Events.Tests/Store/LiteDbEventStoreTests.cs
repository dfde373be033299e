using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;

namespace GoWatch.Events.Tests.Store;

public sealed class LiteDbEventStoreTests : EventStoreContract
{
    protected override IEventStore Open() => LiteDbEventStore.Open(Dir.Combine("data", "events.db"), Dir.Combine("data", "gowatch.lock"), Clock);
}
