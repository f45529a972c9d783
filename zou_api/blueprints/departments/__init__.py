"""Departments: their members, software licenses and hardware items."""
from zou_api.blueprints.departments import resources as r

ROUTES = [
    ("/data/departments/hardware-items", r.HardwareItemsByDepartmentResource),
    ("/data/departments/software-licenses", r.SoftwareLicensesByDepartmentResource),
    ("/data/departments/<department_id>/hardware-items", r.AddHardwareItemResource),
    ("/data/departments/<department_id>/hardware-items/<hardware_item_id>", r.DepartmentHardwareItemResource),
    ("/data/departments/<department_id>/persons", r.DepartmentPersonsResource),
    ("/data/departments/<department_id>/software-licenses", r.AddSoftwareLicenseResource),
    ("/data/departments/<department_id>/software-licenses/<software_id>", r.DepartmentSoftwareLicenseResource),
]
