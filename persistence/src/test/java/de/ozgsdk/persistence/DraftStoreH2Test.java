package de.ozgsdk.persistence;

class DraftStoreH2Test extends DraftStoreContract {

    @Override
    DatabaseFixture createFixture() {
        return DatabaseFixture.h2();
    }
}
