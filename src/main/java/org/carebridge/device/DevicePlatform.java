package org.carebridge.device;

/** What kind of client a device runs. */
public enum DevicePlatform {
    IOS("iOS"),
    ANDROID("Android"),
    WEB("Web browser");

    private final String label;

    DevicePlatform(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
