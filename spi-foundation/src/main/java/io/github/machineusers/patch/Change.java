package io.github.machineusers.patch;

import java.util.Objects;
import java.util.function.Function;

/**
 * One field of a partial update, as the services take it: either left as it is, or set to a value,
 * where null clears the field. The admin resources make these from the request; the services never
 * see the wire format.
 */
public final class Change<T> {

    private static final Change<?> KEEP = new Change<>(false, null);

    private final boolean set;
    private final T value;

    private Change(boolean set, T value) {
        this.set = set;
        this.value = value;
    }

    @SuppressWarnings("unchecked")
    public static <T> Change<T> keep() {
        return (Change<T>) KEEP;
    }

    /** @param value the new value; null clears the field */
    public static <T> Change<T> to(T value) {
        return new Change<>(true, value);
    }

    public boolean isSet() {
        return set;
    }

    /** The new value; only meaningful when {@link #isSet()}. */
    public T value() {
        return value;
    }

    /** The value after the update: the new one when set, else the current one. */
    public T orElse(T current) {
        return set ? value : current;
    }

    /** The same change with its value checked or converted; a kept field stays kept. */
    public <R> Change<R> map(Function<T, R> mapping) {
        return set ? to(mapping.apply(value)) : keep();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Change<?> change && set == change.set && Objects.equals(value, change.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(set, value);
    }

    @Override
    public String toString() {
        return set ? "to(" + value + ")" : "keep";
    }
}
