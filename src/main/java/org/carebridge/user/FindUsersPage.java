package org.carebridge.user;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.carebridge.access.AdminScope;
import org.carebridge.access.NotInScopeException;
import org.carebridge.organization.Organization;
import org.carebridge.platform.web.ConsolePages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * Find Users: search an organization's users by name, e-mail and type. The table is paged,
 * sorted and counted by the database.
 */
@Named
@ViewScoped
public class FindUsersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AdminScope scope;

    /** From the URL: a system administrator's choice of organization; empty means their own. */
    private String organizationParam;
    private Organization organization;
    private String firstName;
    private String lastName;
    private String email;
    private UserType type = UserType.ALL;
    private ResultsModel results;

    public void load() throws IOException {
        try {
            organization = scope.organization(ConsolePages.parseId(organizationParam));
        } catch (NotInScopeException | NumberFormatException e) {
            ConsolePages.notFound();
            return;
        }
        results = new ResultsModel(organization.getId(), UserSearch.everyone());
    }

    /** Submit: runs the search typed in the Search panel from the first page. */
    public void search() {
        results = new ResultsModel(organization.getId(), new UserSearch(firstName, lastName, email, type));
    }

    public UserType[] getTypes() {
        return UserType.values();
    }

    public Organization getOrganization() { return organization; }
    public String getOrganizationParam() { return organizationParam; }
    public void setOrganizationParam(String organizationParam) { this.organizationParam = organizationParam; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public UserType getType() { return type; }
    public void setType(UserType type) { this.type = type; }
    public ResultsModel getResults() { return results; }

    /** The results, one page at a time, as the database sorts them. */
    public static class ResultsModel extends LazyDataModel<User> {
        private static final long serialVersionUID = 1L;
        private final long organizationId;
        private final UserSearch search;

        ResultsModel(long organizationId, UserSearch search) {
            this.organizationId = organizationId;
            this.search = search;
        }

        private static UserService service() {
            return CDI.current().select(UserService.class).get();
        }

        /** Checked again on every request: the page may outlive a change of rights. */
        private Organization org() {
            return CDI.current().select(AdminScope.class).get().organization(organizationId);
        }

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return service().count(org(), search);
        }

        @Override
        public List<User> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            UserSearch.Order order = UserSearch.Order.NAME;
            boolean ascending = true;
            SortMeta sort = sortBy == null ? null : sortBy.values().stream().findFirst().orElse(null);
            if (sort != null && sort.getOrder() != SortOrder.UNSORTED) {
                order = "type".equals(sort.getField()) ? UserSearch.Order.TYPE : UserSearch.Order.NAME;
                ascending = sort.getOrder() != SortOrder.DESCENDING;
            }
            return service().search(org(), search, order, ascending, first, pageSize);
        }

        @Override
        public String getRowKey(User user) {
            return String.valueOf(user.getId());
        }

        @Override
        public User getRowData(String rowKey) {
            return null;
        }
    }
}
