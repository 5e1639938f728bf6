package org.kmlab.ui;

/** Starts {@link FakeDemo} from a class that is not an Application (the classpath way). */
public final class FakeDemoLauncher {
    public static void main(String[] args) { javafx.application.Application.launch(FakeDemo.class, args); }
}
