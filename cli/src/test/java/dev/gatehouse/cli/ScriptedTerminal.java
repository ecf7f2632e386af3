package dev.gatehouse.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A terminal whose person types the given answers, in order, to the prompts it is shown. */
final class ScriptedTerminal implements Terminal {
    private final Deque<String> answers;
    private final List<String> prompts = new ArrayList<>();

    ScriptedTerminal(String... answers) {
        this.answers = new ArrayDeque<>(List.of(answers));
    }

    @Override
    public boolean isInteractive() {
        return true;
    }

    @Override
    public Optional<char[]> readPassword(String prompt) {
        prompts.add(prompt);
        return Optional.ofNullable(answers.poll()).map(String::toCharArray);
    }

    List<String> prompts() {
        return List.copyOf(prompts);
    }
}
