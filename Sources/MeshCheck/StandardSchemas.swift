/// The official schemas compiled into meshport, by file name.
enum StandardSchemas {
    static let files: [(name: String, bytes: [UInt8])] = [
        ("odps/odps-json-schema-v1.0.0.json", PackageResources.odps_json_schema_v1_0_0_json),
        ("odcs/odcs-json-schema-v3.1.0.json", PackageResources.odcs_json_schema_v3_1_0_json),
        ("odcs/odcs-json-schema-v3.2.0-DRAFT.json", PackageResources.odcs_json_schema_v3_2_0_DRAFT_json),
        ("dcs/datacontract.schema.json", PackageResources.datacontract_schema_json),
        ("backstage/Entity.schema.json", PackageResources.Entity_schema_json),
        ("backstage/EntityMeta.schema.json", PackageResources.EntityMeta_schema_json),
        ("backstage/shared/common.schema.json", PackageResources.common_schema_json),
        ("backstage/kinds/Component.v1alpha1.schema.json", PackageResources.Component_v1alpha1_schema_json),
        ("backstage/kinds/Domain.v1alpha1.schema.json", PackageResources.Domain_v1alpha1_schema_json),
        ("backstage/kinds/Group.v1alpha1.schema.json", PackageResources.Group_v1alpha1_schema_json),
        ("backstage/kinds/Resource.v1alpha1.schema.json", PackageResources.Resource_v1alpha1_schema_json),
        ("backstage/kinds/System.v1alpha1.schema.json", PackageResources.System_v1alpha1_schema_json),
        ("backstage/kinds/User.v1alpha1.schema.json", PackageResources.User_v1alpha1_schema_json),
    ]
}
