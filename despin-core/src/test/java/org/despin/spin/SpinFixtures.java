package org.despin.spin;

/** A tiny hand-made thesaurus whose every key has one synonym per word class, so outputs are exact. */
final class SpinFixtures {
    private SpinFixtures() {
    }

    static MapSpinThesaurus tiny() {
        return MapSpinThesaurus.builder("tiny")
                .add("request", PartOfSpeech.VERB, "ask for")
                .add("ask for", PartOfSpeech.VERB, "request")
                .add("discuss", PartOfSpeech.VERB, "go over")
                .add("council", PartOfSpeech.NOUN, "board")
                .add("security", PartOfSpeech.NOUN, "protection")
                .add("general", PartOfSpeech.ADJECTIVE, "common")
                .add("secretary", PartOfSpeech.NOUN, "clerk")
                .add("ann", PartOfSpeech.NOUN, "Ann", "river")
                .add("face", PartOfSpeech.VERB, "confront")
                .add("tell", PartOfSpeech.VERB, "advise")
                .add("information", PartOfSpeech.NOUN, "facts")
                .add("meeting", PartOfSpeech.NOUN, "session")
                .add("talk", PartOfSpeech.NOUN, "discussion")
                .add("quick", PartOfSpeech.ADJECTIVE, "fast")
                .add("important", PartOfSpeech.ADJECTIVE, "significant")
                .add("member", PartOfSpeech.NOUN, "fellow")
                .add("give", PartOfSpeech.VERB, "hand over")
                .add("china", PartOfSpeech.NOUN, "porcelain")
                .add("issue", PartOfSpeech.NOUN, "topic")
                .add("issue", PartOfSpeech.VERB, "publish")
                .build();
    }
}
