from django.contrib import admin

from .models import BankHoliday


@admin.register(BankHoliday)
class BankHolidayAdmin(admin.ModelAdmin):
    list_display = ["on", "name"]
    date_hierarchy = "on"
    search_fields = ["name"]
