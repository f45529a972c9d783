from zou_api.blueprints import args as a
from zou_api.blueprints.base import Resource, json_response
from zou_api.security import is_admin
from zou_api.security.access import ADMIN, LOGGED_IN
from zou_api.services import departments, persons


class DepartmentPersonsResource(Resource):
    summary = "The members of a department (the minimal person payload for non-admins)."
    access = LOGGED_IN

    def get(self, department_id):
        members = departments.persons_of_department(a.path_id(department_id))
        if is_admin():
            return json_response([persons.serialize(p) for p in members])
        return json_response(persons.serialize_minimal(members))


class SoftwareLicensesByDepartmentResource(Resource):
    summary = "The software licenses of every department: {department_id: [software...]}."
    access = ADMIN

    def get(self):
        return json_response(departments.software_licenses_by_department())


class AddSoftwareLicenseResource(Resource):
    summary = "Link a software license to a department."
    access = ADMIN

    def post(self, department_id):
        department_id = a.path_id(department_id)
        data = a.schema_body(required=("software_id",), uuids=("software_id",))
        return json_response(departments.add_software_license(department_id, data["software_id"]), 201)


class DepartmentSoftwareLicenseResource(Resource):
    summary = "A software license of a department; DELETE unlinks it."
    access = ADMIN

    def get(self, department_id, software_id):
        return departments.department_software_license(a.path_id(department_id), a.path_id(software_id))

    def delete(self, department_id, software_id):
        departments.remove_software_license(a.path_id(department_id), a.path_id(software_id))
        return "", 204


class HardwareItemsByDepartmentResource(Resource):
    summary = "The hardware items of every department: {department_id: [hardware item...]}."
    access = ADMIN

    def get(self):
        return json_response(departments.hardware_items_by_department())


class AddHardwareItemResource(Resource):
    summary = "Link a hardware item to a department."
    access = ADMIN

    def post(self, department_id):
        department_id = a.path_id(department_id)
        data = a.schema_body(required=("hardware_item_id",), uuids=("hardware_item_id",))
        return json_response(departments.add_hardware_item(department_id, data["hardware_item_id"]), 201)


class DepartmentHardwareItemResource(Resource):
    summary = "A hardware item of a department; DELETE unlinks it."
    access = ADMIN

    def get(self, department_id, hardware_item_id):
        return departments.department_hardware_item(a.path_id(department_id), a.path_id(hardware_item_id))

    def delete(self, department_id, hardware_item_id):
        departments.remove_hardware_item(a.path_id(department_id), a.path_id(hardware_item_id))
        return "", 204
