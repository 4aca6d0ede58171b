package dev.loadplan.it.writes;

import dev.loadplan.Ref;

/** Reads and writes {@link Title}'s package-private fields for tests in another package. */
public final class TitleAccess {

    private TitleAccess() {
    }

    public static void rename(Title title, String name) {
        title.name = name;
    }

    public static String name(Title title) {
        return title.name;
    }

    public static long id(Title title) {
        return title.id;
    }

    public static int version(Title title) {
        return title.version;
    }

    public static Publisher publisher(Title title) {
        return title.publisher;
    }

    public static String editorName(Title title) {
        return title.editor.get().name;
    }

    public static void set(Title title, Publisher publisher, Ref<Editor> editor, String seriesCode) {
        title.publisher = publisher;
        title.editor = editor;
        title.seriesCode = seriesCode;
    }
}
