package org.carebridge.messaging.outsider;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.carebridge.organization.Organization;

/**
 * A person without a Carebridge account, as one organization knows them: the organization whose
 * member first wrote to the address. Another organization writing to the same address has its
 * own row, so nothing about a non-user crosses tenants. Never part of the directory or of
 * reachability: a non-user is only ever reached inside the conversations they were written to.
 */
@Entity
@Table(name = "outsider")
@NamedQuery(name = Outsider.BY_ADDRESS, query = "select o from Outsider o where o.organization.id = :organizationId"
        + " and o.channel = :channel and o.address = :address")
public class Outsider {

    public static final String BY_ADDRESS = "Outsider.byAddress";

    @Id
    @SequenceGenerator(name = "outsider_seq", sequenceName = "outsider_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outsider_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "organization_id", nullable = false, updatable = false)
    private Organization organization;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private OutsiderChannel channel;

    @Column(nullable = false, updatable = false)
    private String address;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Outsider() {
    }

    public Outsider(Organization organization, OutsiderAddress address, Instant now) {
        this.organization = Objects.requireNonNull(organization, "organization");
        this.channel = address.channel();
        this.address = address.address();
        this.createdAt = now;
    }

    /**
     * Whether the organization that brought this non-user in still allows messages to non-users:
     * turning the setting off closes their links and pages at once.
     */
    public boolean isAllowed() {
        return organization.isNonUserMessaging();
    }

    /** "Non-user 1050 (e-mail)": how the audit trail names them, without the address. */
    public String auditLabel() {
        return "Non-user " + id + " (" + channel.label() + ")";
    }

    public static boolean same(Outsider a, Outsider b) {
        return a == b || a != null && b != null && a.id != null && a.id.equals(b.id);
    }

    public Long getId() { return id; }
    public Organization getOrganization() { return organization; }
    public OutsiderChannel getChannel() { return channel; }
    public OutsiderAddress address() { return new OutsiderAddress(channel, address); }
    /** The normalized address, for the conversation's users only; never log it. */
    public String getAddress() { return address; }
    public Instant getCreatedAt() { return createdAt; }

    @Override
    public String toString() {
        return "Outsider[" + id + ", " + channel + "]";
    }
}
