package de.ozgsdk.auth;

class InMemoryPendingRequestStoreTest extends PendingRequestStoreContract {

    private final InMemoryPendingRequestStore store = new InMemoryPendingRequestStore();

    @Override
    PendingRequestStore store() {
        return store;
    }
}
