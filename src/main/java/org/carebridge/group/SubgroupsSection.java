package org.carebridge.group;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.carebridge.platform.web.ConsolePages;
import org.carebridge.access.AdminScope;
import org.carebridge.access.NotInScopeException;
import org.carebridge.organization.Organization;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The Sub groups section of Update Organization: the organization's groups, filtered by name
 * and paged by the database. It reads the organization from the page's {@code id} parameter
 * itself (a system administrator may be looking at another organization), so the section
 * stays apart from the page's own bean.
 */
@Named
@ViewScoped
public class SubgroupsSection implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AdminScope scope;

    @Inject
    transient GroupService service;

    /** {@code null} when the page's id is not one this administrator may see; nothing is shown then. */
    private Long organizationId;
    private String search = "";
    private final LazyDataModel<GroupSummary> groups = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return service.countMatching(organization(), search);
        }

        @Override
        public List<GroupSummary> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            return service.search(organization(), search, first, pageSize);
        }

        @Override
        public String getRowKey(GroupSummary group) {
            return String.valueOf(group.id());
        }

        @Override
        public GroupSummary getRowData(String rowKey) {
            return null;
        }
    };

    /** Runs when the page is first rendered, while the request still carries the page's id. */
    @PostConstruct
    void init() {
        String requested = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        try {
            organizationId = scope.organization(ConsolePages.parseId(requested)).getId();
        } catch (NotInScopeException | NumberFormatException e) {
            organizationId = null;
        }
    }

    /** Checked again on every load, like every other console read. */
    private Organization organization() {
        if (organizationId == null) {
            throw new NotInScopeException("The page's organization is out of scope");
        }
        return scope.organization(organizationId);
    }

    public boolean isAvailable() {
        return organizationId != null;
    }

    public Long getOrganizationId() { return organizationId; }
    public LazyDataModel<GroupSummary> getGroups() { return groups; }
    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search == null ? "" : search; }
}
