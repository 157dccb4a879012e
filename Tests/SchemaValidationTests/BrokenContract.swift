/// A contract with one of every common mistake, for tests that need many violations.
enum BrokenContract {
    static let yaml = """
        apiVersion: v3.1.0
        kind: DataContract
        id: abc
        version: 1.0
        staus: active
        team:
          name: x
          membrs: []
        schema:
          - name: orders
            logicalType: object
            physicalType: table
            descripton: x
            properties:
              - name: id
                logicalType: integer
                logicalTypeOptions:
                  minLength: 1
                primaryKey: yes
                colour: red
              - name: when
                logicalType: date
                logicalTypeOptions:
                  format: yyyy
                relationships:
                  - to: "bad ref!"
                    from: x.y
              - name: status
                logicalType: strng
                quality:
                  - type: sql
                    query: 1
                  - metric: rowCount
                    mustBeGreaterThan: "5"
        servers:
          - server: a
            type: postgres
            host: h
            port: "5432"

        """
}
