package org.carebridge.user;

import java.io.Serializable;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.carebridge.platform.web.Messages;

/** Where a mailed PIN link lands: type the new PIN twice; done. */
@Named
@ViewScoped
public class ResetPinPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient UserPins pins;

    private String token;
    private boolean usable;
    private boolean done;
    private String pin;
    private String confirmation;

    public void load() {
        usable = pins.isUsable(token);
    }

    public void submit() {
        try {
            pins.choosePin(token, pin, confirmation);
            done = true;
        } catch (UserPins.UnusablePinLinkException e) {
            usable = false;
        } catch (IllegalArgumentException e) {
            Messages.fieldError("pinReset:pin", e.getMessage());
        }
        pin = null;
        confirmation = null;
    }

    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public boolean isUsable() { return usable; }
    public boolean isDone() { return done; }
    public String getPin() { return pin; }
    public void setPin(String pin) { this.pin = pin; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
}
