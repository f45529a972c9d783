from zou_api.blueprints.base import Resource
from zou_api.blueprints.persons import args as a
from zou_api.security import check_admin, is_admin
from zou_api.services import departments, persons
from zou_api.utils.http import json_response


class DepartmentPersonsResource(Resource):
    summary = "The members of a department (the minimal person payload for non-admins)."

    def get(self, department_id):
        members = departments.persons_of_department(a.path_id(department_id))
        if is_admin():
            return json_response([persons.serialize(p) for p in members])
        return json_response(persons.serialize_minimal(members))


class SoftwareLicensesByDepartmentResource(Resource):
    summary = "The software licenses of every department: {department_id: [software...]} (admins)."

    def get(self):
        check_admin()
        return json_response(departments.software_licenses_by_department())


class AddSoftwareLicenseResource(Resource):
    summary = "Link a software license to a department (admins)."

    def post(self, department_id):
        check_admin()
        department_id = a.path_id(department_id)
        data = a.body(required=("software_id",), uuids=("software_id",))
        return json_response(departments.add_software_license(department_id, data["software_id"]), 201)


class DepartmentSoftwareLicenseResource(Resource):
    summary = "A software license of a department; DELETE unlinks it (admins)."

    def get(self, department_id, software_id):
        check_admin()
        return departments.department_software_license(a.path_id(department_id), a.path_id(software_id))

    def delete(self, department_id, software_id):
        check_admin()
        departments.remove_software_license(a.path_id(department_id), a.path_id(software_id))
        return "", 204


class HardwareItemsByDepartmentResource(Resource):
    summary = "The hardware items of every department: {department_id: [hardware item...]} (admins)."

    def get(self):
        check_admin()
        return json_response(departments.hardware_items_by_department())


class AddHardwareItemResource(Resource):
    summary = "Link a hardware item to a department (admins)."

    def post(self, department_id):
        check_admin()
        department_id = a.path_id(department_id)
        data = a.body(required=("hardware_item_id",), uuids=("hardware_item_id",))
        return json_response(departments.add_hardware_item(department_id, data["hardware_item_id"]), 201)


class DepartmentHardwareItemResource(Resource):
    summary = "A hardware item of a department; DELETE unlinks it (admins)."

    def get(self, department_id, hardware_item_id):
        check_admin()
        return departments.department_hardware_item(a.path_id(department_id), a.path_id(hardware_item_id))

    def delete(self, department_id, hardware_item_id):
        check_admin()
        departments.remove_hardware_item(a.path_id(department_id), a.path_id(hardware_item_id))
        return "", 204
