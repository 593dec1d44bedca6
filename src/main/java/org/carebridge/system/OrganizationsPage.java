package org.carebridge.system;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationService;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** System Admin ▸ Organizations: every hospital and practice, searchable, each one openable. */
@Named
@ViewScoped
public class OrganizationsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private String search = "";
    private final LazyDataModel<Organization> organizations = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return service().countMatching(search);
        }

        @Override
        public List<Organization> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            return service().search(search, first, pageSize);
        }

        @Override
        public String getRowKey(Organization org) {
            return String.valueOf(org.getId());
        }

        @Override
        public Organization getRowData(String rowKey) {
            return null;
        }
    };

    private static OrganizationService service() {
        return CDI.current().select(OrganizationService.class).get();
    }

    public LazyDataModel<Organization> getOrganizations() {
        return organizations;
    }

    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search == null ? "" : search; }
}
